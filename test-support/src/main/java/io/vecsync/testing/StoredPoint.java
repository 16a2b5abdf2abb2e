/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.Map;

/** A point as a store holds it, read back by a behaviour-suite subclass. */
public record StoredPoint(float[] vector, Map<String, String> payload) {}
