/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** What vecsync accepts as a service's address: an absolute URL with a host. */
public final class Urls {

    private Urls() {}

    /** Whether the text, trimmed, is an absolute URL with a host and one of the schemes (lower case). */
    public static boolean isAbsolute(String text, Set<String> schemes) {
        try {
            URI uri = new URI(text.trim());
            return uri.getScheme() != null
                    && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
