/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.core.sink.VectorStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes segment records into a Chroma collection. */
public class ChromaSinkTask extends VectorSinkTask {

    private static final Logger log = LoggerFactory.getLogger(ChromaSinkTask.class);

    @Override
    protected CommonSinkConfig parseConfig(Map<String, String> props) {
        return new ChromaSinkConfig(props);
    }

    @Override
    protected VectorStore openStore(CommonSinkConfig config) {
        ChromaSinkConfig chroma = (ChromaSinkConfig) config;
        if (chroma.token().isPresent() && chroma.url().regionMatches(true, 0, "http:", 0, 5)) {
            log.warn(
                    "{} is set but {} is http: the token travels to {} in clear text",
                    ChromaSinkConfig.TOKEN,
                    ChromaSinkConfig.URL,
                    chroma.url());
        }
        return new ChromaStore(chroma);
    }
}
