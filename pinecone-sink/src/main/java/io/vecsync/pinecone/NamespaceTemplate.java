/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.config.Validators;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The namespace a record is written to: one fixed namespace, or one per topic through {@value #TOPIC}. */
public final class NamespaceTemplate {

    public static final String TOPIC = "${topic}";
    /** Connect's own key for the topics a sink reads. */
    private static final String TOPICS = "topics";

    private final String template;

    NamespaceTemplate(String template) {
        this.template = template.trim();
    }

    /** Whether records of different topics go to different namespaces. */
    public boolean perTopic() {
        return template.contains(TOPIC);
    }

    public String resolve(String topic) {
        return template.replace(TOPIC, topic);
    }

    /**
     * The namespaces a searcher queries: the one namespace, or one per topic of the connector's {@code topics}.
     *
     * @throws ConfigException naming {@link PineconeSinkConfig#NAMESPACE} when it needs topics the config does not list
     */
    List<String> forSearch(Map<String, String> connectorConfig) {
        if (!perTopic()) {
            return List.of(template);
        }
        String topics = connectorConfig.getOrDefault(TOPICS, "").trim();
        if (topics.isEmpty()) {
            throw new ConfigException(
                    PineconeSinkConfig.NAMESPACE,
                    template,
                    "contains " + TOPIC + ", so a searcher needs the connector's '" + TOPICS
                            + "' list to know which namespaces to search");
        }
        return Arrays.stream(topics.split(","))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .map(this::resolve)
                .toList();
    }

    /** Accepts literal text with {@value #TOPIC} as its only placeholder. */
    static ConfigDef.Validator validator() {
        return Validators.described(
                "a namespace, empty for the default one; " + TOPIC + " is the only placeholder",
                value -> !value.toString().replace(TOPIC, "").contains("${"));
    }
}
