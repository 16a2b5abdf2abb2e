/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/demo itself, run by bash in a copy of the repository's layout where mvn, npm and java are stand-ins (mvn and java
 * say how they were called) and the machine's other commands are on the PATH: when it builds, what it says, and what it
 * runs.
 */
class BinDemoTest {

    private static final String BUILDING = "building vecsync and packaging its plugins (";
    private static final String UP_TO_DATE = "build: up to date\n";
    /** The commands the stand-ins replace, kept off the PATH the tests give bin/demo. */
    private static final Set<String> STOOD_IN = Set.of("mvn", "npm", "java");

    @SuppressWarnings("TimeInStaticInitializer") // any instant before the test's files will do
    private static final Instant EARLIER = Instant.now().minusSeconds(600);

    @TempDir
    static Path machine;

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
        // JAVA_VERSION makes it an older java.
        tool("java", """
                if [[ "$1" == -version ]]; then
                  echo "openjdk version \\"${JAVA_VERSION:-17.0.15}\\" 2025-04-15" >&2
                  exit 0
                fi
                echo "java in process $$: $*"
                """);
        tool("npm", "exit 0");
    }

    /** The machine's commands but the stood-in ones, so that removing a stand-in leaves that command missing. */
    @BeforeAll
    static void linkTheMachinesOtherCommands() throws IOException {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            File[] commands = new File(dir).listFiles(File::canExecute);
            for (File command : commands == null ? new File[0] : commands) {
                Path link = machine.resolve(command.getName());
                if (!STOOD_IN.contains(command.getName()) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, command.toPath());
                }
            }
        }
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
        assertTrue(second.stdout.startsWith(UP_TO_DATE), second.stdout);
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
            assertTrue(run(Map.of()).stdout.startsWith(UP_TO_DATE), outside + " is not part of the demo's build");
        }
        Files.setLastModifiedTime(tree.resolve("sink-x/src/main/java/X.java"), FileTime.from(EARLIER.plusSeconds(20)));
        Result changed = run(Map.of());
        assertTrue(
                changed.stdout.startsWith(BUILDING + "sink-x/src/main/java/X.java changed since the last build)...\n"),
                changed.stdout);
        assertTrue(run(Map.of()).stdout.startsWith(UP_TO_DATE));

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

    @Test
    void aBuildThatFailsWithoutAnErrorLineIsExplainedByItsLastLine() throws Exception {
        // What Debian's mvn says, before Maven starts, when JAVA_HOME names no JDK.
        tool("mvn", """
                echo "The JAVA_HOME environment variable is not defined correctly"
                echo "This environment variable is needed to run this program"
                echo "NB: JAVA_HOME should point to a JDK not a JRE"
                echo
                exit 1
                """);
        Result failed = run(Map.of());

        assertEquals(1, failed.status);
        assertEquals(
                "bin/demo: the build failed: NB: JAVA_HOME should point to a JDK not a JRE\n"
                        + "its whole output: demo/target/demo-build.log\n",
                failed.stderr);

        tool("mvn", "exit 3");
        assertEquals(
                "bin/demo: the build failed: mvn exited with status 3 and printed nothing\n"
                        + "its whole output: demo/target/demo-build.log\n",
                run(Map.of()).stderr);
    }

    @Test
    void whatTheMachineLacksIsSaidInOneLineBeforeAnyBuild() throws Exception {
        Files.delete(tree.resolve("tools/npm"));
        Result noNpm = run(Map.of(), "--videos", "3");

        assertEquals(1, noNpm.status);
        assertEquals("", noNpm.stdout);
        assertEquals("bin/demo: npm not found: install Node.js with npm, then run bin/demo again\n", noNpm.stderr);
        assertFalse(Files.exists(mvnCalls));

        Files.delete(tree.resolve("tools/mvn"));
        assertEquals(
                "bin/demo: mvn and npm not found: install Maven 3.8 or later and Node.js with npm, then run bin/demo"
                        + " again\n",
                run(Map.of()).stderr);
        assertEquals(
                "bin/demo: Java 17 or later (java is Java 11), mvn and npm not found: install a JDK 17 or later, Maven"
                        + " 3.8 or later and Node.js with npm, then run bin/demo again\n",
                run(Map.of("JAVA_VERSION", "11.0.2")).stderr);
        assertEquals(
                "bin/demo: Java 17 or later (java is Java 8), mvn and npm not found: install a JDK 17 or later, Maven"
                        + " 3.8 or later and Node.js with npm, then run bin/demo again\n",
                run(Map.of("JAVA_VERSION", "1.8.0_292")).stderr);
        Files.delete(tree.resolve("tools/java"));
        assertEquals(
                "bin/demo: java, mvn and npm not found: install a JDK 17 or later, Maven 3.8 or later and Node.js with"
                        + " npm, then run bin/demo again\n",
                run(Map.of()).stderr);
    }

    @Test
    void aBuiltDemoNeedsNeitherMavenNorNpmToRun() throws Exception {
        assertEquals(0, run(Map.of()).status);
        Files.delete(tree.resolve("tools/mvn"));
        Files.delete(tree.resolve("tools/npm"));

        Result again = run(Map.of(), "--videos", "3");

        assertEquals(0, again.status, again.stderr);
        assertTrue(again.stdout.startsWith(UP_TO_DATE + "java in process "), again.stdout);
    }

    @Test
    void aStoreConfigThatIsNotThereIsSaidBeforeAnyBuild() throws Exception {
        Result absent = run(Map.of(), "--videos", "3", "--store-config", "config/pgvector.properties");

        assertEquals(2, absent.status);
        assertEquals(
                "bin/demo: --store-config: config/pgvector.properties not found\nbin/demo --help lists the options\n",
                absent.stderr);
        assertFalse(Files.exists(mvnCalls));
    }

    /** The demo runs at the repository's root: a relative --store-config is from where the user is. */
    @Test
    void aRelativeStoreConfigIsTheUsersFromWhereTheyAre() throws Exception {
        Path mine = Files.createDirectories(tree.resolve("mine"));
        Files.writeString(mine.resolve("store.properties"), "store=lucene\n");

        Process process = start(mine, Map.of(), "--store-config", "store.properties");
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.waitFor(), stdout);
        assertTrue(
                stdout.endsWith("io.vecsync.demo.DemoMain --store-config " + mine.resolve("store.properties") + "\n"),
                stdout);
    }

    private void tool(String name, String script) throws IOException {
        Path tool = Files.writeString(tree.resolve("tools").resolve(name), "#!/usr/bin/env bash\n" + script);
        assertTrue(tool.toFile().setExecutable(true));
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        return start(tree, environment, args);
    }

    /** bin/demo run from a directory, as a user would type its path from there. */
    private Process start(Path from, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(
                                Stream.of(
                                        "bash",
                                        from.relativize(tree.resolve("bin/demo"))
                                                .toString()),
                                Stream.of(args))
                        .toList())
                .directory(from.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", tree.resolve("tools") + File.pathSeparator + machine);
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
