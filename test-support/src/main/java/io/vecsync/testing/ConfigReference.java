package io.vecsync.testing;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a connector's {@link ConfigDef} as the Markdown reference under {@code docs/}, and fails the build when
 * the committed file is stale. Run the tests with {@code -Dvecsync.docs.update=true} to rewrite it.
 */
public final class ConfigReference {

    public static final String UPDATE_PROPERTY = "vecsync.docs.update";

    private ConfigReference() {
    }

    /** The reference: one section per group, one table row per key, in the definition's order. */
    public static String markdown(String title, String intro, ConfigDef definition) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n").append(intro).append("\n\n")
                .append("<!-- Generated from the connector's ConfigDef by ").append(ConfigReference.class.getSimpleName())
                .append("; do not edit. -->\n");
        List<String> groups = definition.groups().isEmpty() ? List.of("") : definition.groups();
        for (String group : groups) {
            out.append("\n## ").append(group.isEmpty() ? "Settings" : group).append("\n\n")
                    .append("| key | type | default | valid values | importance | description |\n")
                    .append("|---|---|---|---|---|---|\n");
            definition.configKeys().values().stream()
                    .filter(key -> group.isEmpty() || group.equals(key.group))
                    .filter(key -> !key.internalConfig)
                    .sorted((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup))
                    .forEach(key -> out.append("| `").append(key.name).append("` | ")
                            .append(key.type.name().toLowerCase()).append(" | ")
                            .append(defaultOf(key)).append(" | ")
                            .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                            .append(key.importance.name().toLowerCase()).append(" | ")
                            .append(cell(key.documentation)).append(" |\n"));
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
        String text = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : value.toString();
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
