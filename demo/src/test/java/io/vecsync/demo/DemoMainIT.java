package io.vecsync.demo;

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

/** The README's first command in exit-after-sync mode. */
@Tag("slow")
class DemoMainIT {

    @Test
    void syncsEveryVideoOnceAndSaysSo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DemoMain.run(DemoOptions.parse(List.of("--videos", "4", "--exit-after-sync")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, status, output);
        Matcher synced = Pattern.compile("synced (\\d+) segments of 4 videos into topic vecsync.segments").matcher(output);
        assertTrue(synced.find(), output);
        assertTrue(Integer.parseInt(synced.group(1)) >= 4 * 6, output);
        assertTrue(output.contains("embeddings calls: 4 (one per video version: 4); credits spent: 4"), output);
        assertEquals(4, Pattern.compile("(?m)^[0-9a-f-]{36} +Video 00\\d").matcher(output).results().count(), output);
    }

    @Test
    void badOptionsExplainThemselves() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(List.of("--base-url", "https://api.example.com")));
        assertTrue(error.getMessage().startsWith("--base-url needs --api-key"), error.getMessage());
        assertTrue(error.getMessage().contains("usage: bin/demo"));
    }
}
