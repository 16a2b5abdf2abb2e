package io.vecsync.core;

import java.util.Arrays;
import java.util.Locale;

/** How a segment's embedding travels on the topic. */
public enum VectorEncoding {
    /** An array of float32: readable by any consumer, ~12.7 kB a 1024-d vector in JSON. */
    FLOAT_ARRAY,
    /** Little-endian float32 bytes ({@link Float32Codec}): 4,096 bytes a 1024-d vector before the converter. */
    FLOAT32_LE;

    /** The config value, e.g. {@code float_array}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every config value, for validators and docs. */
    public static String[] configValues() {
        return Arrays.stream(values()).map(VectorEncoding::configValue).toArray(String[]::new);
    }

    /** Parses a config value, case-insensitively. */
    public static VectorEncoding fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
