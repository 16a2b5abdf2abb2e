/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a connector's {@link ConfigDef} as the Markdown reference under {@code docs/}, and fails the build when
 * the committed file is stale. Run the tests with {@code -Dvecsync.docs.update=true} to rewrite it.
 */
public final class ConfigReference {

    public static final String UPDATE_PROPERTY = "vecsync.docs.update";

    private ConfigReference() {}

    /** One key's row: every cell as the reference prints it. */
    public record Row(
            String group,
            String name,
            String type,
            String defaultValue,
            String validValues,
            String importance,
            String description) {}

    /** The reference of a connector: one section per group, one table row per key, in the definition's order. */
    public static String markdown(String title, String intro, ConfigDef definition) {
        List<String> groups = definition.groups().isEmpty() ? List.of("") : definition.groups();
        List<Row> rows = groups.stream()
                .flatMap(group -> definition.configKeys().values().stream()
                        .filter(key -> group.isEmpty() || group.equals(key.group))
                        .filter(key -> !key.internalConfig)
                        .sorted((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup))
                        .map(key -> new Row(
                                group.isEmpty() ? "Settings" : group,
                                key.name,
                                key.type.name().toLowerCase(Locale.ROOT),
                                defaultOf(key),
                                key.validator == null ? "" : key.validator.toString(),
                                key.importance.name().toLowerCase(Locale.ROOT),
                                key.documentation)))
                .toList();
        return markdown(title, intro, "the connector's ConfigDef", rows);
    }

    /** The reference of any settings table: one section per group, in the order groups first appear, one row per key. */
    public static String markdown(String title, String intro, String source, List<Row> rows) {
        StringBuilder out = new StringBuilder("# ")
                .append(title)
                .append("\n\n")
                .append(intro)
                .append("\n\n")
                .append("<!-- Generated from ")
                .append(source)
                .append(" by ")
                .append(ConfigReference.class.getSimpleName())
                .append("; do not edit. -->\n");
        Set<String> groups = new LinkedHashSet<>();
        rows.forEach(row -> groups.add(row.group()));
        for (String group : groups) {
            out.append("\n## ")
                    .append(group)
                    .append("\n\n")
                    .append("| key | type | default | valid values | importance | description |\n")
                    .append("|---|---|---|---|---|---|\n");
            rows.stream()
                    .filter(row -> row.group().equals(group))
                    .forEach(row -> out.append("| `")
                            .append(row.name())
                            .append("` | ")
                            .append(row.type())
                            .append(" | ")
                            .append(row.defaultValue())
                            .append(" | ")
                            .append(cell(row.validValues()))
                            .append(" | ")
                            .append(row.importance())
                            .append(" | ")
                            .append(cell(row.description()))
                            .append(" |\n"));
        }
        return out.toString();
    }

    /**
     * Asserts the file holds exactly the rendered text, or rewrites it when {@value #UPDATE_PROPERTY} is true.
     */
    public static void assertCurrent(Path file, String rendered) {
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!committed.equals(rendered)) {
                throw new AssertionError(file.normalize() + " is stale: the ConfigDef changed. Regenerate it with"
                        + " `mvn test -D" + UPDATE_PROPERTY + "=true` and commit the result.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "";
        }
        if (value instanceof Password) {
            return "[hidden]";
        }
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : value.toString();
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
