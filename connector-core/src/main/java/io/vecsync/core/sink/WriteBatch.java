/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations of a batch collapsed to one per id, the last in Kafka order: an upsert followed by a delete of the same
 * id ends deleted, a delete followed by an upsert ends present. Upserts and deletes then touch disjoint ids, so a
 * store may apply them in any order or in one request.
 *
 * @param topic the topic all the batch's records came from, or null when they came from several
 */
public record WriteBatch(List<VectorPoint> upserts, List<String> deletes, String topic) {

    public WriteBatch {
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
    }

    public static WriteBatch of(Collection<SinkOperation> operations) {
        Map<String, SinkOperation> last = new LinkedHashMap<>();
        for (SinkOperation operation : operations) {
            // Re-inserting moves the id to the end, so the collapsed batch keeps the order of last writes.
            last.remove(operation.id());
            last.put(operation.id(), operation);
        }
        Set<String> topics = new HashSet<>();
        operations.forEach(operation -> topics.add(
                operation.record() == null ? null : operation.record().topic()));
        List<VectorPoint> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (SinkOperation operation : last.values()) {
            if (operation.isDelete()) {
                deletes.add(operation.id());
            } else {
                upserts.add(operation.point());
            }
        }
        return new WriteBatch(
                upserts, deletes, topics.size() == 1 ? topics.iterator().next() : null);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty();
    }

    public int size() {
        return upserts.size() + deletes.size();
    }

    /** The ids the batch writes: its upserts' then its deletes'. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(size());
        upserts.forEach(point -> ids.add(point.id()));
        ids.addAll(deletes);
        return ids;
    }

    /** The batch without the upserts and deletes of these ids. */
    WriteBatch without(Set<String> ids) {
        return new WriteBatch(
                upserts.stream().filter(point -> !ids.contains(point.id())).toList(),
                deletes.stream().filter(id -> !ids.contains(id)).toList(),
                topic);
    }

    /** The batch in two, upserts first: each half alone applies its ids as the whole would (they touch disjoint ids). */
    List<WriteBatch> halves() {
        int half = (size() + 1) / 2;
        int upsertsFirst = Math.min(half, upserts.size());
        int deletesFirst = half - upsertsFirst;
        return List.of(
                new WriteBatch(upserts.subList(0, upsertsFirst), deletes.subList(0, deletesFirst), topic),
                new WriteBatch(
                        upserts.subList(upsertsFirst, upserts.size()),
                        deletes.subList(deletesFirst, deletes.size()),
                        topic));
    }
}
