/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Thrown by {@link VectorWriter#write} when the store applied the batch except some points it refused one by one;
 * the framework sends each refused point's record to the dead-letter queue (or fails naming it).
 */
public class RefusedPointsException extends ConnectException {

    private static final long serialVersionUID = 1L;
    private final Map<String, String> reasons;

    /** @param reasons the store's reason per refused point id */
    public RefusedPointsException(String message, Map<String, String> reasons) {
        super(message);
        this.reasons = Map.copyOf(reasons);
    }

    public Map<String, String> reasons() {
        return reasons;
    }
}
