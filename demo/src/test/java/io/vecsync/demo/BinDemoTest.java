/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/demo itself, run by bash in a copy of the repository's layout where mvn and java are stand-ins that say how they
 * were called: when it builds, what it says, and what it runs.
 */
class BinDemoTest {

    private static final String BUILDING = "building vecsync and packaging its plugins (";

    @SuppressWarnings("TimeInStaticInitializer") // any instant before the test's files will do
    private static final Instant EARLIER = Instant.now().minusSeconds(600);

    @TempDir
    Path tree;

    private Path mvnCalls;

    @BeforeEach
    void layOutTheRepository() throws IOException {
        Path root = DemoMain.repositoryRoot();
        for (String file : List.of("bin/demo", "demo/src/main/resources/io/vecsync/demo/usage.txt")) {
            Files.createDirectories(tree.resolve(file).getParent());
            Files.copy(root.resolve(file), tree.resolve(file));
        }
        for (String file : List.of(
                "pom.xml",
                "demo/pom.xml",
                "sink-x/pom.xml",
                "sink-x/src/main/java/X.java",
                "sink-x/src/test/java/XTest.java",
                "benchmarks/pom.xml",
                "benchmarks/src/main/java/Bench.java")) {
            Files.createDirectories(tree.resolve(file).getParent());
            Files.writeString(tree.resolve(file), "");
        }
        mvnCalls = tree.resolve("mvn.calls");
        Files.createDirectories(tree.resolve("tools"));
        // The build writes the demo's class path; FAIL makes it fail as Maven does, escape codes included.
        tool("mvn", """
                echo "$*" >> mvn.calls
                if [[ -n "${FAIL:-}" ]]; then
                  printf '\\e[0m\\e[0m[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.0:compile \
                (default-compile) on project sink-x: Compilation failure\\n[ERROR] -> [Help 1]\\n'
                  exit 1
                fi
                mkdir -p demo/target && echo /lib/a.jar:/lib/b.jar > demo/target/demo.classpath
                """);
        tool("java", "echo \"java in process $$: $*\"");
    }

    @Test
    void helpPrintsTheWholeUsageWithoutBuilding() throws Exception {
        Result help = run(Map.of(), "--videos", "3", "--help");

        assertEquals(0, help.status);
        assertEquals(DemoOptions.USAGE, help.stdout);
        assertFalse(Files.exists(mvnCalls));
    }

    @Test
    void buildsOnlyWhenAModulesMainSourcesOrAPomChanged() throws Exception {
        Result first = run(Map.of(), "--videos", "3");
        assertTrue(
                first.stdout.startsWith(BUILDING + "no build yet: the first one downloads dependencies)...\n"),
                first.stdout);
        assertEquals(
                List.of(
                        "-B -q -Dmaven.test.skip=true -Dspotless.check.skip=true -Dstyle.color=never install -pl demo -am"),
                Files.readAllLines(mvnCalls));

        Result second = run(Map.of(), "--videos", "3");
        assertFalse(second.stdout.contains(BUILDING), second.stdout);
        assertEquals(1, Files.readAllLines(mvnCalls).size());

        // Every file as of a while ago, the last build after that: then only what changed since counts.
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(EARLIER));
            }
        }
        Files.setLastModifiedTime(tree.resolve("demo/target/demo-build.stamp"), FileTime.from(EARLIER.plusSeconds(10)));
        for (String outside : List.of(
                "sink-x/src/test/java/XTest.java", "benchmarks/src/main/java/Bench.java", "benchmarks/pom.xml")) {
            Files.setLastModifiedTime(tree.resolve(outside), FileTime.from(EARLIER.plusSeconds(20)));
            assertFalse(run(Map.of()).stdout.contains(BUILDING), outside + " is not part of the demo's build");
        }
        Files.setLastModifiedTime(tree.resolve("sink-x/src/main/java/X.java"), FileTime.from(EARLIER.plusSeconds(20)));
        Result changed = run(Map.of());
        assertTrue(
                changed.stdout.startsWith(BUILDING + "sink-x/src/main/java/X.java changed since the last build)...\n"),
                changed.stdout);
        assertFalse(run(Map.of()).stdout.contains(BUILDING));

        FileTime built = Files.getLastModifiedTime(tree.resolve("demo/target/demo-build.stamp"));
        Files.setLastModifiedTime(
                tree.resolve("sink-x/pom.xml"), FileTime.from(built.toInstant().plusSeconds(1)));
        assertTrue(run(Map.of()).stdout.startsWith(BUILDING + "sink-x/pom.xml changed since the last build)...\n"));
        assertEquals(3, Files.readAllLines(mvnCalls).size());
    }

    @Test
    void runsTheDemoInItsOwnProcessWithTheBuildsClassPath() throws Exception {
        Process process = start(Map.of(), "--videos", "3");
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());

        String lastLine = stdout.lines().reduce((first, second) -> second).orElseThrow();
        // exec: the java command is the process bin/demo was, so that Ctrl-C and kill reach the demo itself.
        assertEquals(
                "java in process " + process.pid()
                        + ": -cp demo/target/classes:/lib/a.jar:/lib/b.jar io.vecsync.demo.DemoMain" + " --videos 3",
                lastLine);
    }

    @Test
    void aFailedBuildIsTwoPlainLinesAndIsTriedAgainNextTime() throws Exception {
        Result failed = run(Map.of("FAIL", "yes"), "--videos", "3");

        assertEquals(1, failed.status);
        assertEquals(
                "bin/demo: the build failed: sink-x: Compilation failure\nits whole output: demo/target/demo-build.log\n",
                failed.stderr);
        assertFalse(failed.stdout.contains("java in process"), failed.stdout);

        Result retried = run(Map.of());
        assertTrue(retried.stdout.startsWith(BUILDING + "no build yet:"), retried.stdout);
        assertEquals(2, Files.readAllLines(mvnCalls).size());
    }

    private void tool(String name, String script) throws IOException {
        Path tool = Files.writeString(tree.resolve("tools").resolve(name), "#!/usr/bin/env bash\n" + script);
        assertTrue(tool.toFile().setExecutable(true));
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", "bin/demo"), Stream.of(args))
                        .toList())
                .directory(tree.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", tree.resolve("tools") + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        Process process = start(environment, args);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), stdout, stderr);
    }

    /** What a run of bin/demo printed and its exit status. */
    private record Result(int status, String stdout, String stderr) {}
}
