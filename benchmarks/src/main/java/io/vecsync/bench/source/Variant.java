/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

/**
 * One way to run the source connector: its vector encoding and whether the JSON converter wraps each value in a
 * schema envelope.
 *
 * @param name     connector and topic name
 * @param label    how the report names it
 * @param encoding the connector's {@code vector.encoding}, as a user writes it
 */
record Variant(String name, String label, String encoding, boolean schemasEnabled) {

    static final Variant FLOAT_ARRAY = new Variant("float-array-json", "float_array (json)", "float_array", false);
    static final Variant FLOAT32_LE = new Variant("float32-le-json", "float32_le (json)", "float32_le", false);
    static final Variant FLOAT_ARRAY_SCHEMAS =
            new Variant("float-array-json-schemas", "float_array (json+schema)", "float_array", true);
}
