/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.testing.StoredPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** Direct Lucene access for the tests: what they read back and set up, outside the sink's own classes where it can be. */
final class LuceneTestIndex {

    private LuceneTestIndex() {}

    /** Every point as the sink's writer has it now (uncommitted writes too) while a task has it open; else the last commit. */
    static Map<String, StoredPoint> readAll(Path directory) {
        LuceneIndex shared = LuceneIndexes.retainIfOpen(directory);
        try {
            if (shared != null) {
                try (DirectoryReader reader = DirectoryReader.open(shared.writer())) {
                    return read(reader);
                }
            }
            return committed(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (shared != null) {
                LuceneIndexes.release(shared);
            }
        }
    }

    /** Every point of the index's last commit, as another process would read it; none when there is no index. */
    static Map<String, StoredPoint> committed(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Map.of();
        }
        try (FSDirectory dir = FSDirectory.open(directory)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Map.of();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return read(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, StoredPoint> read(IndexReader reader) throws IOException {
        Map<String, StoredPoint> points = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LuceneDocuments.EMBEDDING);
            if (vectors == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document document = stored.document(doc);
                Map<String, String> payload = new HashMap<>();
                for (IndexableField field : document) {
                    payload.put(
                            field.name(),
                            field.numericValue() != null ? field.numericValue().toString() : field.stringValue());
                }
                points.put(
                        payload.remove(LuceneDocuments.ID),
                        new StoredPoint(vectors.vectorValue().clone(), payload));
            }
        }
        return points;
    }

    /** An index as a user or another program might have left it: one document with a vector of that shape. */
    static void create(Path directory, int dimension, VectorSimilarityFunction similarity) {
        try (FSDirectory dir = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            float[] vector = new float[dimension];
            Arrays.fill(vector, 1f);
            Document document = new Document();
            document.add(new StringField(LuceneDocuments.ID, "00000000-0000-4000-8000-000000000000", Field.Store.YES));
            document.add(new KnnFloatVectorField(LuceneDocuments.EMBEDDING, vector, similarity));
            writer.addDocument(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
