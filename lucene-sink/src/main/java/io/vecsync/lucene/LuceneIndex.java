/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index directory open for writing in this JVM: its IndexWriter (Lucene allows one per directory), a timer that
 * commits every commit interval, and a near-real-time SearcherManager for searchers in the same process. Tasks and
 * searchers share it by reference count through {@link LuceneIndexes}.
 */
final class LuceneIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    private final Path path;
    private final LuceneSinkConfig.IndexSettings settings;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final ScheduledExecutorService committer;
    private SearcherManager searcherManager;
    /** Guarded by {@link LuceneIndexes}. */
    int references;

    @SuppressWarnings(
            "FutureReturnValueIgnored") // timedCommit catches its failures, so the schedule runs until the index closes
    private LuceneIndex(Path path, LuceneSinkConfig.IndexSettings settings, FSDirectory directory, IndexWriter writer) {
        this.path = path;
        this.settings = settings;
        this.directory = directory;
        this.writer = writer;
        this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vecsync-lucene-commit-" + path.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::timedCommit, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the writer of an existing directory; a new index is committed empty at once, so readers in other
     * processes can open it before the first write.
     */
    static LuceneIndex open(Path path, LuceneSinkConfig.IndexSettings settings) {
        FSDirectory directory = null;
        try {
            directory = FSDirectory.open(path);
            boolean existed = DirectoryReader.indexExists(directory);
            IndexWriter writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig()
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            .setCodec(codec(settings)));
            if (!existed) {
                try {
                    writer.commit();
                } catch (IOException e) {
                    IOUtils.closeWhileHandlingException(writer);
                    throw e;
                }
                log.info("created a Lucene index in {}", path);
            }
            return new LuceneIndex(path, settings, directory, writer);
        } catch (LockObtainFailedException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw new ConnectException(
                    LuceneSinkConfig.DIRECTORY + " " + path + " is locked by another index writer ("
                            + e.getMessage()
                            + "). The Lucene store serves one Connect worker: its tasks share one writer, but a"
                            + " second worker process cannot write the same directory; give each worker a directory of its own,"
                            + " or use a store with a server for a distributed Connect cluster",
                    e);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw new ConnectException(
                    "opening the Lucene index in " + path + " (" + LuceneSinkConfig.DIRECTORY + ") failed: " + e, e);
        }
    }

    /** Lucene's default codec, with the configured HNSW parameters for the vectors. */
    private static Codec codec(LuceneSinkConfig.IndexSettings settings) {
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(settings.m(), settings.beamWidth());
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    Path path() {
        return path;
    }

    LuceneSinkConfig.IndexSettings settings() {
        return settings;
    }

    IndexWriter writer() {
        return writer;
    }

    /** False once the writer closed itself after an error it cannot recover from. */
    boolean isWritable() {
        return writer.isOpen();
    }

    /** The embedding field as the index has it now, or null while no vector was written. */
    FieldInfo vectorField() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return FieldInfos.getMergedFieldInfos(reader).fieldInfo(LuceneDocuments.EMBEDDING);
        }
    }

    /** Searchers of this process: near-real-time readers of the writer, opened on first use. */
    synchronized SearcherManager searcherManager() throws IOException {
        if (searcherManager == null) {
            searcherManager = new SearcherManager(writer, true, false, null);
        }
        return searcherManager;
    }

    /** Makes every write so far durable and visible to other processes; nothing to do when there is nothing new. */
    void commit() {
        if (writer.hasUncommittedChanges()) {
            try {
                writer.commit();
            } catch (IOException | RuntimeException e) {
                throw failure("committing", e);
            }
        }
    }

    private void timedCommit() {
        if (!writer.isOpen()) {
            return;
        }
        try {
            commit();
        } catch (ConnectException e) {
            log.warn(
                    "{}; trying again in {} ms, and before Connect commits offsets",
                    e.getMessage(),
                    settings.commitInterval().toMillis());
        }
    }

    /**
     * A failure of the writer as the Connect exception that says whether to retry: an I/O error the writer survived
     * is transient; one that closed it, or a document it refuses, is not.
     */
    ConnectException failure(String doing, Exception e) {
        String message = doing + " the Lucene index in " + path + " failed: ";
        Throwable tragic = writer.getTragicException();
        if (tragic != null) {
            return new ConnectException(
                    message + "its writer closed after an error (" + tragic + "); restart the task to"
                            + " reopen the index",
                    e);
        }
        if (e instanceof AlreadyClosedException) {
            return new ConnectException(message + "its writer is closed", e);
        }
        return e instanceof IOException ? new RetriableException(message + e, e) : new ConnectException(message + e, e);
    }

    /** Stops the timer, then closes the writer, which commits what is left. */
    void close() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("a commit of the Lucene index in {} is still running; closing the writer anyway", path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            IOUtils.close(searcherManager, writer, directory);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "closing the Lucene index in {} failed; records since the last commit are redelivered: {}",
                    path,
                    e.toString());
        }
    }
}
