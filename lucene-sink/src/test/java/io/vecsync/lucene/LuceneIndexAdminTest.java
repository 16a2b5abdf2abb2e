/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.SinkTasks;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.hnsw.HnswGraphProvider;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a task finds in lucene.directory at start: what it creates, what it refuses, and the HNSW parameters it writes with. */
class LuceneIndexAdminTest {

    @RegisterExtension
    final LuceneHarness tasks = new LuceneHarness("a/new/index");

    @Test
    void aMissingDirectoryGetsAnEmptyCommittedIndexAtStart() throws IOException {
        tasks.start(Map.of());
        try (FSDirectory dir = FSDirectory.open(tasks.directory())) {
            assertTrue(
                    DirectoryReader.indexExists(dir), "a reader in another process can open it before the first write");
        }
    }

    @Test
    void anIndexOfAnotherSimilarityIsRefusedNamingTheDirectory() {
        LuceneTestIndex.create(tasks.directory(), LuceneHarness.DIMENSION, VectorSimilarityFunction.EUCLIDEAN);
        ConnectException error = assertThrows(ConnectException.class, () -> tasks.start(Map.of()));
        assertEquals(
                "the Lucene index in " + tasks.directory()
                        + " (lucene.directory) compares its embedding vectors by EUCLIDEAN,"
                        + " expected COSINE: the platform's vectors are compared by cosine similarity; point lucene.directory at"
                        + " another directory",
                error.getMessage());
    }

    @Test
    void anIndexWhoseEmbeddingFieldHasNoVectorsIsRefused() throws IOException {
        try (IndexWriter other = new IndexWriter(FSDirectory.open(tasks.directory()), new IndexWriterConfig())) {
            Document document = new Document();
            document.add(new StringField(LuceneDocuments.EMBEDDING, "text", Field.Store.YES));
            other.addDocument(document);
        }
        ConnectException error = assertThrows(ConnectException.class, () -> tasks.start(Map.of()));
        assertTrue(error.getMessage().contains("has a field 'embedding' without vectors"), error.getMessage());
    }

    @Test
    void theConfiguredHnswMBoundsTheGraphsLinks() throws IOException {
        LuceneSinkTask task = tasks.start(Map.of(LuceneSinkConfig.HNSW_M, "2"));
        SinkTasks.write(task, tasks.segments(0, 300));
        tasks.stop(task);
        // Level 0 of Lucene's HNSW graph keeps up to 2 * m links per node.
        assertTrue(maxLinksOnLevelZero() <= 4, "m=2: " + maxLinksOnLevelZero());

        LuceneTestIndex.delete(tasks.directory());
        task = tasks.start(Map.of());
        SinkTasks.write(task, tasks.segments(0, 300));
        tasks.stop(task);
        assertTrue(maxLinksOnLevelZero() > 4, "the default m=16: " + maxLinksOnLevelZero());
    }

    private int maxLinksOnLevelZero() throws IOException {
        int max = 0;
        try (FSDirectory dir = FSDirectory.open(tasks.directory());
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                KnnVectorsReader vectors = ((CodecReader) leaf.reader()).getVectorReader();
                vectors = ((PerFieldKnnVectorsFormat.FieldsReader) vectors).getFieldReader(LuceneDocuments.EMBEDDING);
                HnswGraph graph = ((HnswGraphProvider) vectors).getGraph(LuceneDocuments.EMBEDDING);
                for (int node = 0; node < graph.size(); node++) {
                    graph.seek(0, node);
                    int links = 0;
                    while (graph.nextNeighbor() != DocIdSetIterator.NO_MORE_DOCS) {
                        links++;
                    }
                    max = Math.max(max, links);
                }
            }
        }
        return max;
    }
}
