package io.vecsync.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A benchmark's command line: {@code --name value} pairs of known names; a mistake throws with the usage text. */
final class CommandLine {

    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    CommandLine(List<String> args, Set<String> names, String usage) {
        this.usage = usage;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage);
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage);
            }
            values.put(name, args.get(++i));
        }
    }

    /** The option's value, at least {@code min}, or the default when it is not given. */
    int integer(String name, int defaultValue, int min) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the usage
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", got " + text + "\n" + usage);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }
}
