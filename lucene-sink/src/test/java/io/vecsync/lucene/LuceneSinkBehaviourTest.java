/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.io.TempDir;

/** The shared sink behaviour on a Lucene index in a temporary directory of each test's own. */
class LuceneSinkBehaviourTest extends VectorSinkBehaviourSuite {

    @TempDir
    Path root;

    private Path directory() {
        return root.resolve("index");
    }

    @Override
    protected VectorSinkTask newTask() {
        return new LuceneSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(LuceneSinkConfig.DIRECTORY, directory().toString());
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return LuceneTestIndex.readAll(directory());
    }

    @Override
    protected void createTargetWithDimension(int dimension) {
        LuceneTestIndex.create(directory(), dimension, VectorSimilarityFunction.COSINE);
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new LuceneSearcherProvider().open(props);
    }

    @Override
    protected void dropTarget() {
        LuceneTestIndex.delete(directory());
    }
}
