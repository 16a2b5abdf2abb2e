/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.Map;

/**
 * What a sink writes for one segment: its id, its vector and its payload.
 *
 * @param id      canonical lowercase UUID
 * @param payload field name to String, Number or Boolean, in the record's field order
 */
public record VectorPoint(String id, float[] vector, Map<String, Object> payload) {}
