/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.SegmentIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How segment ids are derived; see the {@code segment.id.scheme} config doc. */
public enum SegmentIdScheme {
    /** The documented id, option-qualified only where two options share the same boundaries. */
    AUTO,
    /** Always option-qualified. */
    OPTION_QUALIFIED;

    /** The ids of one video's segments, in the order given. */
    public List<String> ids(String videoId, List<SegmentKey> segments) {
        Map<String, Integer> boundaryUses = new HashMap<>();
        if (this == AUTO) {
            for (SegmentKey segment : segments) {
                boundaryUses.merge(segment.start() + "|" + segment.end(), 1, Integer::sum);
            }
        }
        List<String> ids = new ArrayList<>(segments.size());
        for (SegmentKey segment : segments) {
            boolean shared = boundaryUses.getOrDefault(segment.start() + "|" + segment.end(), 1) > 1;
            boolean qualify = this == OPTION_QUALIFIED || shared;
            ids.add((qualify
                            ? SegmentIds.optionQualified(
                                    videoId, segment.start(), segment.end(), String.valueOf(segment.option()))
                            : SegmentIds.documented(videoId, segment.start(), segment.end()))
                    .toString());
        }
        return ids;
    }
}
