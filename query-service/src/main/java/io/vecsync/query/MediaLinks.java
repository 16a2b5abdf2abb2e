/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's links to the platform's media: {@code /v1/media/<token><platform path>}, for platform URLs on its
 * host under {@code media.path.prefixes}. The token is a MAC of the path's directory under a key of this process, so
 * the proxy serves only directories the service itself linked to: those of the hits it returned, and those their
 * playlists name. Links end with the process.
 */
final class MediaLinks {

    static final String ROUTE = "/v1/media/";
    private static final int TOKEN_BYTES = 16;
    private static final String MAC = "HmacSHA256";
    /** Encoded slashes, dots and backslashes, which would let a path leave its prefix once the platform decodes it. */
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|2e|5c)", Pattern.CASE_INSENSITIVE);

    private final URI platform;
    private final List<String> prefixes;
    private final SecretKeySpec key;

    MediaLinks(String platformBaseUrl, List<String> prefixes) {
        URI base = URI.create(platformBaseUrl);
        this.platform = URI.create(base.getScheme() + "://" + base.getRawAuthority());
        this.prefixes = List.copyOf(prefixes);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC);
    }

    /** The platform's origin, where media requests go. */
    URI platform() {
        return platform;
    }

    /**
     * The proxy path (and query) standing for the URL, or empty when it is not the platform's media: another host, a
     * path outside the prefixes, or one that is not in normal form.
     */
    Optional<String> proxyPath(URI url) {
        if (!sameOrigin(url) || !mediaPath(url.getRawPath())) {
            return Optional.empty();
        }
        String path = url.getRawPath();
        return Optional.of(
                ROUTE + token(directory(path)) + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    /**
     * The platform URL a proxy path names, or empty unless this service issued its token for its directory.
     *
     * @param tokenAndPath what follows {@value #ROUTE}: the token, then the platform path
     */
    Optional<URI> platformUrl(String tokenAndPath, String rawQuery) {
        int slash = tokenAndPath.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String path = tokenAndPath.substring(slash);
        byte[] given = tokenAndPath.substring(0, slash).getBytes(StandardCharsets.US_ASCII);
        if (!mediaPath(path)
                || !MessageDigest.isEqual(given, token(directory(path)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(URI.create(platform + path + (rawQuery == null ? "" : "?" + rawQuery)));
    }

    private boolean sameOrigin(URI url) {
        return url.isAbsolute()
                && platform.getScheme().equalsIgnoreCase(url.getScheme())
                && platform.getRawAuthority()
                        .toLowerCase(Locale.ROOT)
                        .equals(String.valueOf(url.getRawAuthority()).toLowerCase(Locale.ROOT));
    }

    /** A path in normal form (no empty, "." or ".." segment, nothing encoded that decodes to one) under a prefix. */
    private boolean mediaPath(String path) {
        if (path == null
                || path.contains("//")
                || path.contains("\\")
                || ENCODED_SEPARATOR.matcher(path).find()
                || (path + "/").contains("/./")
                || (path + "/").contains("/../")) {
            return false;
        }
        return prefixes.stream().anyMatch(path::startsWith);
    }

    private static String directory(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private String token(String directory) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            byte[] digest = mac.doFinal(directory.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + MAC, e);
        }
    }
}
