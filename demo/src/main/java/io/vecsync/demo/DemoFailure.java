/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import java.util.Arrays;
import java.util.List;

/** A failure the demo explains in a sentence: printed without a stack trace. */
final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }

    /**
     * What went wrong, from a stack trace (a task's, or a process's output): its last unindented line, which names the
     * innermost cause.
     */
    static DemoFailure ofTrace(String what, String trace) {
        String cause = Arrays.stream(trace.split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((first, second) -> second)
                .orElse("(no message)")
                .replaceFirst("^Caused by: ", "");
        return new DemoFailure(what + ": " + cause);
    }

    /**
     * The worker's own message for a refused REST request, on one line: a refused config's errors, one after another,
     * without the worker's heading and its pointer to the validation endpoint, which add nothing to them.
     */
    static DemoFailure ofRest(String what, String workerMessage) {
        List<String> lines = Arrays.stream(workerMessage.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("You can also find"))
                .map(line -> line.endsWith(".") ? line.substring(0, line.length() - 1) : line)
                .toList();
        List<String> said = lines.size() > 1 && lines.get(0).endsWith(":") ? lines.subList(1, lines.size()) : lines;
        return new DemoFailure(what + ": " + String.join("; ", said));
    }
}
