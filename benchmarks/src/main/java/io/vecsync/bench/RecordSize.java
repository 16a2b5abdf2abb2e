package io.vecsync.bench;

import io.vecsync.testing.TopicContents;

import java.nio.charset.StandardCharsets;

/** The average key and value bytes of a topic's records, as a consumer receives them (Kafka's framing excluded). */
record RecordSize(double keyBytes, double valueBytes, int liveKeys) {

    static RecordSize of(TopicContents contents) {
        long keyBytes = contents.live().keySet().stream().mapToLong(key -> key.getBytes(StandardCharsets.UTF_8).length).sum();
        int live = contents.live().size();
        int values = contents.records() - contents.tombstones();
        return new RecordSize(live == 0 ? 0 : (double) keyBytes / live, values == 0 ? 0 : (double) contents.valueBytes() / values, live);
    }

    double total() {
        return keyBytes + valueBytes;
    }
}
