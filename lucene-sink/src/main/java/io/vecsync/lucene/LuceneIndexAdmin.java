/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.sink.TargetAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the task's share of the index: creates {@code lucene.directory} when missing, opens its writer or shares the
 * one this worker has open, and verifies that an existing index holds cosine vectors of the configured dimension.
 */
final class LuceneIndexAdmin implements TargetAdmin, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndexAdmin.class);

    private final LuceneSinkConfig config;
    private LuceneIndex index;

    LuceneIndexAdmin(LuceneSinkConfig config) {
        this.config = config;
    }

    @Override
    public void ensureTarget(int dimension) {
        if (index != null) {
            return;
        }
        Path directory = config.directory();
        createDirectory(directory);
        LuceneIndex opened = LuceneIndexes.acquire(directory, config.indexSettings());
        boolean verified = false;
        try {
            verify(opened.vectorField(), directory, dimension);
            verified = true;
        } catch (IOException e) {
            throw new ConnectException(
                    "reading the Lucene index in " + directory + " (" + LuceneSinkConfig.DIRECTORY + ") failed: " + e,
                    e);
        } finally {
            if (!verified) {
                LuceneIndexes.release(opened);
            }
        }
        index = opened;
    }

    private static void createDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            log.info("created {} {}", LuceneSinkConfig.DIRECTORY, directory);
        } catch (IOException e) {
            throw new ConnectException("cannot create " + LuceneSinkConfig.DIRECTORY + " " + directory + ": " + e, e);
        }
    }

    /** Nothing to verify while no vector was written: the first write gives the field its dimension. */
    private static void verify(FieldInfo field, Path directory, int dimension) {
        if (field == null) {
            return;
        }
        String index = "the Lucene index in " + directory + " (" + LuceneSinkConfig.DIRECTORY + ")";
        if (!field.hasVectorValues()) {
            throw new ConnectException(
                    index + " has a field '" + LuceneDocuments.EMBEDDING + "' without vectors, so it is"
                            + " not this sink's; point " + LuceneSinkConfig.DIRECTORY + " at a directory of its own");
        }
        if (field.getVectorDimension() != dimension) {
            throw new ConnectException(index + " has " + LuceneDocuments.EMBEDDING + " vectors of dimension "
                    + field.getVectorDimension() + " but " + LuceneSinkConfig.EMBEDDING_DIMENSION + " is " + dimension
                    + "; point " + LuceneSinkConfig.DIRECTORY + " at another directory or change the setting");
        }
        if (field.getVectorSimilarityFunction() != VectorSimilarityFunction.COSINE) {
            throw new ConnectException(index + " compares its " + LuceneDocuments.EMBEDDING + " vectors by "
                    + field.getVectorSimilarityFunction() + ", expected COSINE: the platform's vectors are compared by"
                    + " cosine similarity; point " + LuceneSinkConfig.DIRECTORY + " at another directory");
        }
    }

    /** The task's share of the index, or null before {@link #ensureTarget} succeeded. */
    LuceneIndex index() {
        return index;
    }

    @Override
    public void close() {
        if (index != null) {
            LuceneIndexes.release(index);
            index = null;
        }
    }
}
