/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** A source for the tests: its task writes "tick-N" to the topic ten times a second, or fails on start when asked to. */
public class TickSourceConnector extends SourceConnector {

    static final String TOPIC = "topic";
    static final String FAIL = "fail";
    static final String FAILURE = "the task was asked to fail";
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "where the ticks go")
            .define(FAIL, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, "whether the task fails on start");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TickTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "test";
    }

    /** Writes the ticks. */
    public static class TickTask extends SourceTask {

        private String topic;
        private long next;

        @Override
        public void start(Map<String, String> props) {
            if (Boolean.parseBoolean(props.get(FAIL))) {
                throw new ConnectException(FAILURE);
            }
            topic = props.get(TOPIC);
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            Thread.sleep(100);
            long tick = next++;
            return List.of(new SourceRecord(
                    Map.of("source", "ticks"), Map.of("tick", tick), topic, Schema.STRING_SCHEMA, "tick-" + tick));
        }

        @Override
        public void stop() {}

        @Override
        public String version() {
            return "test";
        }
    }
}
