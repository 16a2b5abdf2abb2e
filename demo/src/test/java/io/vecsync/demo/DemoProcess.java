/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo in a JVM and a process group of its own, as bin/demo runs it from a terminal: on the class path the build
 * wrote for bin/demo (not the tests', which holds the connectors and the stores' clients), its output in a file.
 */
final class DemoProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private DemoProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static DemoProcess start(Path dir, String... args) throws IOException {
        Path output = Files.createTempFile(dir, "demo", ".out");
        // setsid: a group of its own, for Ctrl-C's SIGINT to the group. env --default-signal: a job started in the
        // background of a script ignores SIGINT, and a JVM leaves an ignored SIGINT ignored; a terminal's job does not.
        Path root = DemoMain.repositoryRoot();
        String classPath = root.resolve("demo/target/classes") + ":"
                + Files.readString(root.resolve("demo/target/demo.classpath")).strip();
        List<String> command = new ArrayList<>(List.of(
                "setsid",
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                DemoMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new DemoProcess(process, output);
    }

    long pid() {
        return process.pid();
    }

    /** Its child processes: the query service. */
    List<ProcessHandle> children() {
        return process.toHandle().children().toList();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("no '" + text + "' from the demo " + (process.isAlive() ? "in " + timeout : "before it exited")
                        + ":\n" + output());
            }
            Thread.sleep(200);
        }
    }

    /** Sends a signal, as kill does: to the demo's pid, or to its whole process group (what Ctrl-C does). */
    void signal(String signal, boolean toGroup) throws Exception {
        String target = toGroup ? "-" + pid() : Long.toString(pid());
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + signal, "--", target)
                        .inheritIO()
                        .start()
                        .waitFor());
    }

    /** The exit status; fails when it still runs after the timeout. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the demo still runs " + timeout + " later:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
