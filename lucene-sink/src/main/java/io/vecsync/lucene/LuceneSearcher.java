/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreException;
import io.vecsync.search.StoreUnavailableException;
import io.vecsync.search.VectorSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Nearest segments by Lucene's HNSW search: a KnnFloatVectorQuery, filtered by a TermInSetQuery on video_id. Lucene
 * scores COSINE as {@code (1 + cos) / 2}, so the score is {@code 2 * score - 1}. In a process where a sink task has
 * the index open, the searcher shares its writer and sees its writes at once (near-real-time); elsewhere it opens the
 * directory read-only and reopens as the sink commits. Calls are serialised.
 */
final class LuceneSearcher implements VectorSearcher {

    private final Path directory;
    private LuceneIndex shared;
    private FSDirectory readOnlyDirectory;
    private SearcherManager readOnly;

    LuceneSearcher(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized List<SearchHit> search(SearchRequest request) {
        try {
            return withSearcher(searcher -> hits(searcher, request));
        } catch (IOException e) {
            throw new StoreUnavailableException("searching " + describe() + " failed: " + e, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StoreException("searching " + describe() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<SearchHit> hits(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query filter = request.videoIds().isEmpty()
                ? null
                : new TermInSetQuery(
                        LuceneDocuments.VIDEO_ID,
                        request.videoIds().stream().map(BytesRef::new).toList());
        TopDocs top = searcher.search(
                new KnnFloatVectorQuery(LuceneDocuments.EMBEDDING, request.vector(), request.topK(), filter),
                request.topK());
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc scored : top.scoreDocs) {
            double score = 2.0 * scored.score - 1;
            if (request.minScore() != null && score < request.minScore()) {
                break;
            }
            Document document = stored.document(scored.doc);
            hits.add(new SearchHit(document.get(LuceneDocuments.ID), score, LuceneDocuments.payload(document)));
        }
        return hits;
    }

    /** The shared writer's searchers when a sink in this process has the index open, else read-only ones; refreshed. */
    private SearcherManager refreshedManager() throws IOException {
        if (shared != null && !shared.isWritable()) {
            LuceneIndexes.release(shared);
            shared = null;
        }
        if (shared == null) {
            shared = LuceneIndexes.retainIfOpen(directory);
            if (shared != null) {
                closeReadOnly();
            }
        }
        SearcherManager manager = shared != null ? shared.searcherManager() : readOnly();
        manager.maybeRefresh();
        return manager;
    }

    private SearcherManager readOnly() throws IOException {
        if (readOnly == null) {
            if (!Files.isDirectory(directory)) {
                throw new StoreException(describe() + " is not a directory");
            }
            FSDirectory opened = FSDirectory.open(directory);
            try {
                if (!DirectoryReader.indexExists(opened)) {
                    throw new StoreException(describe() + " holds no Lucene index: the sink creates it when it starts");
                }
                readOnly = new SearcherManager(opened, null);
                readOnlyDirectory = opened;
            } finally {
                if (readOnly == null) {
                    opened.close();
                }
            }
        }
        return readOnly;
    }

    @Override
    public synchronized OptionalLong segmentCount() {
        try {
            return OptionalLong.of(
                    withSearcher(searcher -> searcher.getIndexReader().numDocs()));
        } catch (IOException e) {
            throw new StoreUnavailableException("counting the documents of " + describe() + " failed: " + e, e);
        }
    }

    /** Runs the work on a fresh searcher. */
    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        SearcherManager manager = refreshedManager();
        IndexSearcher searcher = manager.acquire();
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /** Something read from an index searcher. */
    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public synchronized void checkReachable() {
        try {
            refreshedManager();
        } catch (IOException e) {
            throw new StoreException("reading " + describe() + " failed: " + e, e);
        }
    }

    private String describe() {
        return LuceneSinkConfig.DIRECTORY + " " + directory;
    }

    private void closeReadOnly() throws IOException {
        try {
            IOUtils.close(readOnly, readOnlyDirectory);
        } finally {
            readOnly = null;
            readOnlyDirectory = null;
        }
    }

    @Override
    public synchronized void close() {
        if (shared != null) {
            LuceneIndexes.release(shared);
            shared = null;
        }
        try {
            closeReadOnly();
        } catch (IOException e) {
            throw new StoreException("closing the reader of " + describe() + " failed: " + e, e);
        }
    }
}
