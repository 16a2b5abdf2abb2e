/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an HLS playlist a line at a time so that the player fetches its variants, segments, keys and init
 * sections through the proxy: each URI, resolved against the playlist's own platform URL, becomes the proxy's link
 * when it is the platform's media, and an absolute URL otherwise (the player fetches those itself, without the key).
 */
final class PlaylistRewriter {

    /** URI attributes of tags such as EXT-X-KEY, EXT-X-MAP, EXT-X-MEDIA and EXT-X-I-FRAME-STREAM-INF. */
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

    private final MediaLinks links;
    private final URI playlist;

    /** @param playlist the platform URL the playlist was fetched from, which its relative URIs are relative to */
    PlaylistRewriter(MediaLinks links, URI playlist) {
        this.links = links;
        this.playlist = playlist;
    }

    String line(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return line;
        }
        if (!trimmed.startsWith("#")) {
            return link(trimmed);
        }
        Matcher attributes = URI_ATTRIBUTE.matcher(line);
        StringBuilder rewritten = new StringBuilder();
        while (attributes.find()) {
            attributes.appendReplacement(
                    rewritten, Matcher.quoteReplacement("URI=\"" + link(attributes.group(1)) + "\""));
        }
        return attributes.appendTail(rewritten).toString();
    }

    private String link(String reference) {
        URI target;
        try {
            target = playlist.resolve(reference);
        } catch (IllegalArgumentException malformed) {
            // Passed on as it is: the player fails on it as it would have without the proxy.
            return reference;
        }
        return links.proxyPath(target).orElse(target.toString());
    }
}
