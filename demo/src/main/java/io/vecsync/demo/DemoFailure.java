package io.vecsync.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A failure the demo explains in a sentence: printed without a stack trace. */
final class DemoFailure extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How EmbeddedConnectCluster quotes the worker's answer in its exceptions. */
    private static final String REST_ANSWER = "Error response: ";

    DemoFailure(String message) {
        super(message);
    }

    /**
     * What went wrong, from a stack trace (a task's, or a process's output): its last unindented line, which names the
     * innermost cause.
     */
    static DemoFailure ofTrace(String what, String trace) {
        String cause = Arrays.stream(trace.split("\\R")).filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((first, second) -> second).orElse("(no message)").replaceFirst("^Caused by: ", "");
        return new DemoFailure(what + ": " + cause);
    }

    /** The worker's own message for a refused REST request. */
    static DemoFailure ofRest(String what, ConnectRestException e) {
        String message = e.getMessage();
        int answer = message.indexOf(REST_ANSWER);
        if (answer >= 0) {
            try {
                message = JSON.readTree(message.substring(answer + REST_ANSWER.length())).path("message").asText(message);
            } catch (IOException notJson) {
                // The message as the exception has it.
            }
        }
        // The worker's pointer to its validation endpoint adds nothing to the errors it lists.
        return new DemoFailure(what + ": " + Arrays.stream(message.split("\\R")).filter(line -> !line.startsWith("You can also find"))
                .collect(Collectors.joining("\n")).strip());
    }
}
