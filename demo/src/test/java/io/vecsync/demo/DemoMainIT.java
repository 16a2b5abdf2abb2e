package io.vecsync.demo;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's first command in exit-after-sync mode: plugins through plugin.path, Lucene, the query service. */
@Tag("slow")
class DemoMainIT {

    @Test
    void syncsEveryVideoOnceAndItsExampleQueriesFindTheirSegments() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DemoMain.run(DemoOptions.parse(List.of("--videos", "4", "--exit-after-sync")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, status, output);
        Matcher synced = Pattern.compile("synced (\\d+) segments of 4 videos into topic vecsync.segments").matcher(output);
        assertTrue(synced.find(), output);
        assertTrue(output.contains("embeddings calls: 4 (one per video version: 4); credits spent: 4"), output);
        assertTrue(output.contains("query service: http://127.0.0.1:"), output);

        // The demo's simulator is deterministic: a second one with the same settings holds the same segments.
        try (PlatformSimulator same = PlatformSimulator.builder().videos(4).build().start()) {
            List<String> queries = DemoMain.exampleQueries(same);
            assertEquals(3, queries.size());
            for (String query : queries) {
                Segment expected = same.liveSegments().stream().filter(s -> s.caption().equals(query)).findFirst().orElseThrow();
                Matcher first = Pattern.compile("query: \"" + Pattern.quote(query) + "\"\\R  1\\. (.+?) +\\[(\\S+) - (\\S+)] score (\\S+)")
                        .matcher(output);
                assertTrue(first.find(), "the hits of '" + query + "' are printed:\n" + output);
                assertEquals(expected.start(), first.group(2), "the first hit of '" + query + "' is its segment");
                assertEquals(expected.end(), first.group(3));
                assertTrue(Double.parseDouble(first.group(4)) > 0.5, first.group(0));
            }
        }
    }

    @Test
    void badOptionsExplainThemselves() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(List.of("--base-url", "https://api.example.com")));
        assertTrue(error.getMessage().startsWith("--base-url needs --api-key"), error.getMessage());
        assertTrue(error.getMessage().contains("usage: bin/demo"));
    }
}
