package io.vecsync.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.testing.Provisioned;

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
final class DocsLoopScript implements AutoCloseable {

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

    /** The docs' Python, or empty (with why) where bin/docs-loops-provision could not make it. */
    static Optional<Path> python() {
        return Optional.ofNullable(Provisioned.executable("VECSYNC_DOCS_PYTHON", "docs-loops-1/bin/python"));
    }

    /** Starts the store's loop on the rows and waits until its target is set up. */
    static DocsLoopScript prepare(Path python, String store, List<SegmentRow> rows, List<String> storeArgs) throws IOException {
        Path segments = Files.createTempFile("docs-loop-segments", ".jsonl");
        try (BufferedWriter writer = Files.newBufferedWriter(segments)) {
            for (SegmentRow row : rows) {
                writer.write(JSON.writeValueAsString(new Segment(row.videoId().toString(), row.start(), row.end(), row.embedding())));
                writer.newLine();
            }
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script().toString(), "--store", store,
                "--segments", segments.toString(), "--dimension", Integer.toString(SegmentRows.DIMENSION), "--handshake"));
        command.addAll(storeArgs);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        DocsLoopScript loop = new DocsLoopScript(process, segments);
        loop.awaitLine("ready");
        return loop;
    }

    /** Runs the loop; the seconds it took by its own clock. */
    double run() throws IOException, InterruptedException {
        try (BufferedWriter in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
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
        throw new IllegalStateException("the docs' loop ended before printing " + prefix + " (exit " + process.exitValue() + ")");
    }

    /** The script, from the repository root or from the benchmarks module, wherever the benchmark runs. */
    private static Path script() {
        return Files.exists(SCRIPT) ? SCRIPT.toAbsolutePath() : Path.of("python", "docs_loops.py").toAbsolutePath();
    }

    /** One line of the script's input: what the docs' loop reads from the platform's embeddings response. */
    private record Segment(@JsonProperty("video_id") String videoId, String start, String end, float[] embedding) {
    }
}
