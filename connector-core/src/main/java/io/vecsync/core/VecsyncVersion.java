/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** vecsync's own version, as Maven built it: what Connect shows for the sink plugins, not Kafka's version. */
public final class VecsyncVersion {

    private static final String VERSION = load();

    private VecsyncVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = VecsyncVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
