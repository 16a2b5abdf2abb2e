/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Records that keep arriving on a topic while a test breaks things: upserts and tombstones of a fixed set of segment
 * ids, each upsert carrying a sequence number in its payload and as its vector's last element over its first (a ratio
 * any store's normalisation keeps), and the truth a sink must end equal to — every id's latest sequence number,
 * tombstoned ids absent.
 */
public final class SegmentStream implements AutoCloseable {

    public static final int DIMENSION = 4;
    private static final String VIDEO = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final int IDS = 300;
    private static final double TOMBSTONES = 0.1;

    private final EmbeddedKafkaCluster kafka;
    private final String topic;
    private final int partitions;
    private final Random random = new Random(17);
    private final Map<String, Long> truth = new HashMap<>();
    private final Thread thread;
    private long sequence;
    private int markers;
    private volatile boolean running = true;

    /** Starts producing {@code perSecond} records a second over the topic's partitions. */
    public SegmentStream(EmbeddedKafkaCluster kafka, String topic, int partitions, int perSecond) {
        this.kafka = kafka;
        this.topic = topic;
        this.partitions = partitions;
        this.thread = new Thread(
                () -> {
                    while (running) {
                        produceOne();
                        try {
                            Thread.sleep(1000 / perSecond);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "segment-stream-" + topic);
        thread.start();
    }

    private synchronized void produceOne() {
        int key = random.nextInt(IDS);
        String id = id(key);
        if (truth.containsKey(id) && random.nextDouble() < TOMBSTONES) {
            kafka.produce(topic, key % partitions, id, null);
            truth.remove(id);
        } else {
            upsert(id, key % partitions);
        }
    }

    private void upsert(String id, int partition) {
        long seq = ++sequence;
        kafka.produce(
                topic,
                partition,
                id,
                "{\"id\":\"" + id + "\",\"video_id\":\"" + VIDEO + "\",\"start\":\"00:00:00\","
                        + "\"end\":\"00:00:10\",\"embedding\":[1,0.5,0.25," + seq + "],\"seq\":" + seq + "}");
        truth.put(id, seq);
    }

    /**
     * Upserts a new id on every partition now: once the table holds them, it holds everything produced before them,
     * as the sink writes each partition in order.
     */
    public synchronized Set<String> markers() {
        Set<String> ids = new HashSet<>();
        for (int partition = 0; partition < partitions; partition++) {
            String id = id(1_000_000 + markers++);
            upsert(id, partition);
            ids.add(id);
        }
        return ids;
    }

    /** Every id's latest sequence number; tombstoned ids are absent. */
    public synchronized Map<String, Long> truth() {
        return new HashMap<>(truth);
    }

    /** The sequence number a stored vector carries. */
    public static long sequence(float[] vector) {
        return Math.round((double) vector[3] / vector[0]);
    }

    private static String id(int key) {
        return String.format("00000000-0000-4000-8000-%012d", key);
    }

    /** Stops producing; what was produced stays the truth. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the records", e);
        }
    }
}
