/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a user reads before deploying: the README, the guides and the shipped configs hold together. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SECRETS_FILE = "/etc/kafka/vecsync-secrets.properties";
    private static final Set<String> SECRET_KEYS = Set.of(
            "platform.api.key",
            "pgvector.password",
            "pinecone.api.key",
            "qdrant.api.key",
            "weaviate.api.key",
            "chroma.token");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");
    private static final Pattern METRIC = Pattern.compile("^\\| `([a-z]+(?:-[a-z]+)+)` ", Pattern.MULTILINE);

    /** The issue that asked for a short README measured 23 KB; a newcomer reads what it is and the two commands. */
    @Test
    void theReadmeIsShortAndNamesTheTwoCommands() {
        String readme = read(ROOT.resolve("README.md"));
        assertTrue(readme.length() < 12_000, "README.md is " + readme.length() + " characters");
        assertTrue(readme.contains("bin/demo") && readme.contains("bin/test"), "the two set-up commands");
        assertTrue(readme.contains("npm"), "the README names every prerequisite, npm included");
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFile() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(read(page));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(page.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(page) + " -> " + link.group(1));
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }

    /** One secrets path everywhere: a worker's file provider, the query service and every shipped config read one file. */
    @Test
    void everySecretComesFromTheOneSecretsFileUnderItsOwnKey() {
        List<String> strays = new ArrayList<>();
        List<Path> files =
                Stream.concat(pages().stream(), shippedConfigs().stream()).collect(Collectors.toList());
        for (Path file : files) {
            Matcher reference = FILE_REFERENCE.matcher(read(file));
            while (reference.find()) {
                boolean syntax = reference.group(1).startsWith("<");
                if (!syntax && !reference.group(1).equals(SECRETS_FILE)) {
                    strays.add(ROOT.relativize(file) + ": " + reference.group());
                }
            }
        }
        for (Path config : shippedConfigs()) {
            for (String line : read(config).split("\n")) {
                String setting = line.strip().replaceAll("^\"|\",?$", "").replace("\": \"", "=");
                int equals = setting.indexOf('=');
                if (setting.startsWith("#") || equals < 0) {
                    continue;
                }
                String key = setting.substring(0, equals).strip();
                String value = setting.substring(equals + 1).strip();
                if (SECRET_KEYS.contains(key) && !value.equals("${file:" + SECRETS_FILE + ":" + key + "}")) {
                    strays.add(ROOT.relativize(config) + ": " + key + " is not read from the secrets file");
                }
            }
        }
        assertEquals(List.of(), strays);
    }

    /** Every step the deployment guide promises a Connect operator: a heading or the setting it is about. */
    @Test
    void theDeploymentGuideCoversEveryStepOfAnInstall() {
        String guide = read(ROOT.resolve("docs/deploying.md"));
        Set<String> missing = new TreeSet<>();
        for (String topic : List.of(
                "plugin.path",
                "config.providers",
                "FileConfigProvider",
                "key.converter",
                "value.converter",
                "errors.deadletterqueue.topic.replication.factor",
                "producer.override.",
                "connector.client.config.override.policy",
                "## 8. Upgrading",
                "KIP-875",
                "/offsets",
                "exactly.once.source.support")) {
            if (!guide.contains(topic)) {
                missing.add(topic);
            }
        }
        assertEquals(Set.of(), missing, "docs/deploying.md no longer covers");
    }

    /** The operations guide tells users to alert on metrics: each one it names is one the connectors register. */
    @Test
    void everyMetricTheOperationsGuideNamesExists() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> file.toString().endsWith(".java"))
                    .map(DocumentationTest::read)
                    .collect(Collectors.joining("\n"));
        }
        Matcher metric = METRIC.matcher(read(ROOT.resolve("docs/operations.md")));
        Set<String> named = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        while (metric.find()) {
            named.add(metric.group(1));
            if (!sources.contains("\"" + metric.group(1) + "\"")) {
                unknown.add(metric.group(1));
            }
        }
        assertTrue(named.size() >= 5, "the alert table names metrics: " + named);
        assertEquals(Set.of(), unknown, "metrics named in docs/operations.md that no connector registers");
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static List<Path> shippedConfigs() {
        try (Stream<Path> configs = Files.list(ROOT.resolve("config"))) {
            return configs.filter(file -> file.toString().endsWith(".properties")
                            || file.toString().endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
