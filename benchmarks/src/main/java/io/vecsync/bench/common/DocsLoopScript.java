/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform docs' own Python ingest loop for one store (benchmarks/python/docs_loops.py, with the clients the docs
 * install, from bin/docs-loops-provision), fed the benchmark's segments: it sets its target up, says "ready", and runs
 * the loop when told, so that the caller times the loop alone.
 */
public final class DocsLoopScript implements AutoCloseable {

    public static final String PYTHON_OPTION = "--docs-python";
    private static final Path SCRIPT = Path.of("benchmarks", "python", "docs_loops.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Path segments;

    private DocsLoopScript(Process process, Path segments) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.segments = segments;
    }

    /** The docs' Python the command line names, else $VECSYNC_DOCS_PYTHON; empty where bin/docs-loops-provision made none. */
    public static Optional<Path> python(CommandLine line) {
        return line.textOrEnv(PYTHON_OPTION, "VECSYNC_DOCS_PYTHON")
                .map(Path::of)
                .filter(Files::isExecutable);
    }

    /** Starts the store's loop on the rows and waits until its target is set up. */
    public static DocsLoopScript prepare(Path python, String store, List<SegmentRow> rows, List<String> storeArgs)
            throws IOException {
        Path segments = Files.createTempFile("docs-loop-segments", ".jsonl");
        try (BufferedWriter writer = Files.newBufferedWriter(segments)) {
            for (SegmentRow row : rows) {
                writer.write(JSON.writeValueAsString(
                        new Segment(row.videoId().toString(), row.start(), row.end(), row.embedding())));
                writer.newLine();
            }
        }
        List<String> command = new ArrayList<>(List.of(
                python.toString(),
                script().toString(),
                "--store",
                store,
                "--segments",
                segments.toString(),
                "--dimension",
                Integer.toString(SegmentRows.DIMENSION),
                "--handshake"));
        command.addAll(storeArgs);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        DocsLoopScript loop = new DocsLoopScript(process, segments);
        loop.awaitLine("ready");
        return loop;
    }

    /** Runs the loop; the seconds it took by its own clock. */
    public double run() throws IOException, InterruptedException {
        try (BufferedWriter in =
                new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
            in.write("go");
            in.newLine();
        }
        JsonNode result = JSON.readTree(awaitLine("{"));
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the docs' loop exited with " + process.exitValue());
        }
        return result.get("seconds").asDouble();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(segments);
    }

    /** Skips what the clients print until a line starting with the prefix. */
    private String awaitLine(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException(
                "the docs' loop ended before printing " + prefix + " (exit " + process.exitValue() + ")");
    }

    /** The script, from the repository root or from the benchmarks module, wherever the benchmark runs. */
    private static Path script() {
        return Files.exists(SCRIPT)
                ? SCRIPT.toAbsolutePath()
                : Path.of("python", "docs_loops.py").toAbsolutePath();
    }

    /** One line of the script's input: what the docs' loop reads from the platform's embeddings response. */
    private record Segment(@JsonProperty("video_id") String videoId, String start, String end, float[] embedding) {}
}
