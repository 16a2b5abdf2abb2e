/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.SegmentRow;
import java.util.List;

/** (b), what a store's sink is measured against, on the first M segments. */
interface StoreSinkBaseline {

    /** How the report describes it, e.g. "the docs' Python loop (weaviate-client): batch.dynamic() a video". */
    String label();

    /** Writes {@code rows} into a target of its own, timed, after an unmeasured write of {@code warmUp} where it needs one. */
    StoreSinkRun run(List<SegmentRow> warmUp, List<SegmentRow> rows) throws Exception;
}
