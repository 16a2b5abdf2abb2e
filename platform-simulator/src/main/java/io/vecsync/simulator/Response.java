/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response: status, headers and body bytes; JSON unless its headers name another Content-Type. */
record Response(int status, Map<String, String> headers, byte[] body) {

    /** A 200 of another type than JSON. */
    static Response ok(String contentType, byte[] body) {
        return new Response(200, Map.of("Content-Type", contentType), body);
    }

    static Response ok(byte[] json) {
        return new Response(200, Map.of(), json);
    }

    static Response ok(JsonNode json) {
        return ok(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A {"detail": ...} body; a rate limit also says when to retry, as the platform's does. */
    static Response error(int status, String detail) {
        return new Response(status, status == 429 ? Map.of("Retry-After", "1") : Map.of(), detail(detail));
    }

    /** Sends the client to the same request at another URL, as a front proxy does. */
    static Response redirect(String location) {
        return new Response(307, Map.of("Location", location), detail("Moved to " + location));
    }

    private static byte[] detail(String detail) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("detail", detail)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
