package io.vecsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;

/** A JSON response: status and body bytes. */
record Response(int status, byte[] body) {

    static Response ok(byte[] json) {
        return new Response(200, json);
    }

    static Response ok(JsonNode json) {
        return ok(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Response error(int status, String detail) {
        return new Response(status, JsonNodeFactory.instance.objectNode().put("detail", detail).toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
