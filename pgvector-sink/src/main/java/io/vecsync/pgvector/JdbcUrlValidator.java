/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A PostgreSQL JDBC URL without credentials: the URL is a plain setting, logged and shown over REST, so a password in
 * it would be too. The message never echoes the value.
 */
final class JdbcUrlValidator implements ConfigDef.Validator {

    private static final String PREFIX = "jdbc:postgresql://";

    @Override
    public void ensureValid(String name, Object value) {
        String url = value == null ? "" : value.toString().trim();
        if (!url.startsWith(PREFIX)) {
            throw new ConfigException(name + " must be " + this);
        }
        if (carriesCredentials(url)) {
            throw new ConfigException(name
                    + " must not carry credentials, which would show wherever the URL does: give the"
                    + " password in " + PgVectorSinkConfig.PASSWORD + " (hidden in logs and over REST) and the user in "
                    + PgVectorSinkConfig.USER);
        }
    }

    /** A user and password before the host ({@code user:pass@host}), or a password parameter (the driver reads its name as is). */
    private static boolean carriesCredentials(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        if (rest.substring(0, query < 0 ? rest.length() : query).contains("@")) {
            return true;
        }
        if (query >= 0) {
            for (String parameter : rest.substring(query + 1).split("&")) {
                if (parameter.split("=", 2)[0].trim().toLowerCase(Locale.ROOT).equals("password")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "a JDBC URL starting with " + PREFIX + ", without a password (" + PgVectorSinkConfig.PASSWORD
                + " holds it)";
    }
}
