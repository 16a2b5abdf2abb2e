/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.SinkTasks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One worker writes a directory: its tasks share one IndexWriter; a second worker process is refused at start. */
class LuceneSingleWorkerTest {

    @RegisterExtension
    final LuceneHarness tasks = new LuceneHarness("index");

    @Test
    void twoTasksOnOneDirectoryShareTheWriterAndBothWritesLand() throws Exception {
        LuceneSinkTask first = tasks.start(Map.of());
        LuceneSinkTask second = tasks.start(Map.of());
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> putInTens(first, 0, 100));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> putInTens(second, 100, 200));
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        assertEquals(
                LuceneHarness.ids(0, 200),
                LuceneTestIndex.readAll(tasks.directory()).keySet());

        tasks.stop(first);
        assertThrows(LockObtainFailedException.class, this::openForeignWriter, "the other task still holds the writer");
        SinkTasks.write(second, List.of(tasks.tombstone(0)));
        assertEquals(
                LuceneHarness.ids(1, 200),
                LuceneTestIndex.readAll(tasks.directory()).keySet());

        tasks.stop(second);
        openForeignWriter().close();
        assertEquals(
                LuceneHarness.ids(1, 200),
                LuceneTestIndex.committed(tasks.directory()).keySet(),
                "the last task to stop closed the writer, which committed");
    }

    private void putInTens(LuceneSinkTask task, int from, int to) {
        for (int i = from; i < to; i += 10) {
            SinkTasks.write(task, tasks.segments(i, i + 10));
        }
    }

    private IndexWriter openForeignWriter() throws IOException {
        return new IndexWriter(FSDirectory.open(tasks.directory()), new IndexWriterConfig());
    }

    @Test
    void aSecondWorkerProcessOnTheDirectoryFailsAtStartNamingTheSetting() throws Exception {
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldIndexLock.class.getName(),
                        tasks.directory().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", output.readLine(), "the other process holds the index");
            ConnectException error = assertThrows(ConnectException.class, () -> tasks.start(Map.of()));
            String message = error.getMessage();
            assertTrue(
                    message.startsWith(
                            LuceneSinkConfig.DIRECTORY + " " + tasks.directory().toRealPath() + " is locked by another"
                                    + " index writer (Lock held by another program"),
                    message);
            assertTrue(message.contains("serves one Connect worker"), message);
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        SinkTasks.write(tasks.start(Map.of()), List.of(tasks.segment(0)));
        assertEquals(
                Set.of(LuceneHarness.id(0)),
                LuceneTestIndex.readAll(tasks.directory()).keySet(),
                "the lock went with the other process");
    }

    @Test
    void aTaskRefusedAtStartLeavesTheIndexClosed() throws Exception {
        SinkTasks.write(tasks.start(Map.of()), List.of(tasks.segment(0)));
        tasks.stopAll();
        ConnectException error = assertThrows(
                ConnectException.class, () -> tasks.start(Map.of(LuceneSinkConfig.EMBEDDING_DIMENSION, "4")));
        assertTrue(
                error.getMessage().contains("vectors of dimension 8 but embedding.dimension is 4"), error.getMessage());
        openForeignWriter().close();
    }
}
