/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's own directory (its Lucene index, the query service's config and log), kept after it for a look, and removed
 * by the next run unless a demo still running beside it holds its lock.
 */
final class RunDirectory implements AutoCloseable {

    private static final String LOCK = ".running";

    private final Path path;
    private final FileChannel lock;

    private RunDirectory(Path path, FileChannel lock) {
        this.path = path;
        this.lock = lock;
    }

    /** A new run-* directory under parent, locked until closed; the earlier ones no running demo holds are removed. */
    static RunDirectory create(Path parent) throws IOException {
        Path path = Files.createTempDirectory(Files.createDirectories(parent), "run-");
        FileChannel lock = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock.lock();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, "run-*")) {
            for (Path earlier : runs) {
                if (!earlier.equals(path) && !running(earlier)) {
                    remove(earlier);
                }
            }
        }
        return new RunDirectory(path, lock);
    }

    Path path() {
        return path;
    }

    private static boolean running(Path run) throws IOException {
        try (FileChannel channel = FileChannel.open(run.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (NoSuchFileException e) {
            // No lock: an older demo's run (or, a race two demos started together could lose, one being created).
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Best effort: what cannot be removed now (another user's file) is tried again by the next run. */
    private static void remove(Path run) {
        try (Stream<Path> files = Files.walk(run)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Said above: left for the next run.
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
