/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Every video's last emitted offset: those emitted lately from memory, because Connect commits offsets only after
 * their records are written and the next flush ran, and all others from Connect's offset store. A video stays in
 * memory until two offset commits have passed since its last record was written, so memory holds about two flush
 * intervals' worth of changed videos, not the library.
 */
final class VideoStates {

    private final OffsetStorageReader reader;
    private final Map<String, Recent> recent = new HashMap<>();

    VideoStates(OffsetStorageReader reader) {
        this.reader = reader;
    }

    /** The videos' last emitted offsets, in one read of the offset store for those not in memory. */
    Map<String, Optional<VideoOffset>> read(Collection<String> videoIds) {
        Map<String, Optional<VideoOffset>> states = new HashMap<>();
        List<Map<String, Object>> toRead = new ArrayList<>();
        for (String videoId : videoIds) {
            Recent known = recent.get(videoId);
            if (known != null) {
                states.put(videoId, Optional.ofNullable(known.offset));
            } else {
                toRead.add(VideoOffset.partition(videoId));
            }
        }
        if (!toRead.isEmpty()) {
            Map<Map<String, Object>, Map<String, Object>> committed = reader.offsets(toRead);
            for (Map<String, Object> partition : toRead) {
                states.put(
                        (String) partition.get(VideoOffset.PARTITION_KEY),
                        VideoOffset.fromMap(committed.get(partition)));
            }
        }
        return states;
    }

    /** Records that a poll emitted {@code records} records for the video, the last carrying {@code offset} (null: none). */
    void emitted(String videoId, VideoOffset offset, int records) {
        Recent known = recent.get(videoId);
        recent.put(videoId, new Recent(offset, (known == null ? 0 : known.outstanding) + records));
    }

    /** One record of the video was written; true when none of its records is outstanding any more. */
    boolean written(String videoId) {
        Recent known = recent.get(videoId);
        if (known == null) {
            return false;
        }
        known.outstanding--;
        known.commitsSinceWritten = 0;
        return known.outstanding == 0;
    }

    /** Connect committed offsets: forgets videos whose offsets that commit or an earlier one certainly included. */
    void committed() {
        for (Iterator<Recent> it = recent.values().iterator(); it.hasNext(); ) {
            Recent known = it.next();
            if (known.outstanding == 0 && ++known.commitsSinceWritten >= 2) {
                it.remove();
            }
        }
    }

    int inMemory() {
        return recent.size();
    }

    /** A recently emitted state; mutable, touched only by the task thread. */
    private static final class Recent {
        final VideoOffset offset;
        int outstanding;
        int commitsSinceWritten;

        Recent(VideoOffset offset, int outstanding) {
            this.offset = offset;
            this.outstanding = outstanding;
        }
    }
}
