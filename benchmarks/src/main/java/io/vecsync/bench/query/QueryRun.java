/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.Cost;

/**
 * One latency run against the service.
 *
 * @param platformCalls text embeddings the platform answered during the run: one per distinct text, none for a vector
 *                      or a cached text
 * @param cost          the run's CPU: this JVM (callers, service, simulator), PostgreSQL, and other processes
 */
record QueryRun(String label, int concurrency, QueryLatencies latencies, int platformCalls, Cost cost) {}
