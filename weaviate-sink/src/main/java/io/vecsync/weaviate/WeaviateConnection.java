/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.weaviate.client6.v1.api.Authentication;
import io.weaviate.client6.v1.api.Config;
import io.weaviate.client6.v1.api.WeaviateApiException;
import io.weaviate.client6.v1.api.WeaviateClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Weaviate: the official client, created on first use so that an unreachable server is a transient
 * failure the sink retries; and the class definition read over REST, because client6 leaves out the vectorizer and
 * distance of a collection with a class-level (legacy) vector, which the platform docs' script creates.
 */
final class WeaviateConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WeaviateConnection.class);
    /** Weaviate's GRPC_MAX_MESSAGE_SIZE when the server does not announce its own. */
    private static final long DEFAULT_GRPC_MAX_MESSAGE_SIZE = 104_858_000;

    private final WeaviateSinkConfig config;
    private final TrustManagerFactory trust;
    private final HttpClient http;
    private WeaviateClient client;
    private long maxRequestBytes;

    WeaviateConnection(WeaviateSinkConfig config) {
        this.config = config;
        this.trust = config.truststorePath()
                .map(path -> loadTrustStore(path, config.truststorePassword()))
                .orElse(null);
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds()));
        if (trust != null) {
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http.sslContext(tls);
            } catch (GeneralSecurityException e) {
                throw new ConnectException(
                        "cannot set up TLS with " + WeaviateSinkConfig.TRUSTSTORE_PATH + ": " + e.getMessage(), e);
            }
        }
        this.http = http.build();
    }

    private static TrustManagerFactory loadTrustStore(String path, Optional<Password> password) {
        try {
            char[] secret = password.map(p -> p.value().toCharArray()).orElse(null);
            KeyStore store = KeyStore.getInstance(new File(path), secret);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectException(
                    "cannot read the trust store " + path + " (" + WeaviateSinkConfig.TRUSTSTORE_PATH + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The official client; connecting checks that Weaviate is live and its version supported. */
    synchronized WeaviateClient client() {
        if (client == null) {
            try {
                client = new WeaviateClient(Config.of(custom -> {
                    custom.scheme(config.scheme())
                            .httpHost(config.host())
                            .httpPort(config.httpPort())
                            .grpcHost(config.grpcHost())
                            .grpcPort(config.grpcPort());
                    if (trust != null) {
                        custom.trustManagerFactory(trust);
                    }
                    config.apiKey().ifPresent(key -> custom.authentication(Authentication.apiKey(key.value())));
                    custom.timeout(config.timeoutSeconds());
                    return custom;
                }));
            } catch (RuntimeException e) {
                throw WeaviateErrors.INSTANCE.classify("connecting to Weaviate at " + baseUrl(), e);
            }
        }
        return client;
    }

    /**
     * The most a write request may carry: the gRPC message size the server announces ({@code /v1/meta}), less a tenth
     * for what a request's estimated size leaves out.
     */
    synchronized long maxRequestBytes() {
        if (maxRequestBytes == 0) {
            Integer announced;
            try {
                announced = client().meta().grpcMaxMessageSize();
            } catch (IOException | RuntimeException e) {
                throw WeaviateErrors.INSTANCE.classify("reading Weaviate's metadata at " + baseUrl(), e);
            }
            long limit = announced == null ? DEFAULT_GRPC_MAX_MESSAGE_SIZE : announced;
            maxRequestBytes = limit - limit / 10;
        }
        return maxRequestBytes;
    }

    /** {@code GET /v1/schema/{collection}}: the class definition, or empty when the collection does not exist. */
    Optional<JsonObject> definition(String collection) {
        String endpoint = "/v1/schema/" + URLEncoder.encode(collection, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + endpoint))
                .timeout(Duration.ofSeconds(config.timeoutSeconds()))
                .GET();
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key.value()));
        String doing = "reading collection " + collection;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw WeaviateErrors.INSTANCE.classify(
                        doing, WeaviateApiException.http("GET", endpoint, response.statusCode(), response.body()));
            }
            return Optional.of(JsonParser.parseString(response.body()).getAsJsonObject());
        } catch (IOException e) {
            throw WeaviateErrors.INSTANCE.classify(doing, e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new ConnectException(
                    doing + ": Weaviate answered with a body that is not a class definition: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException(doing + " was interrupted", e);
        }
    }

    private String baseUrl() {
        String host = config.host().contains(":") && !config.host().startsWith("[")
                ? "[" + config.host() + "]"
                : config.host();
        return config.scheme() + "://" + host + ":" + config.httpPort();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                log.debug("closing the Weaviate client: {}", e.getMessage());
            }
            client = null;
            maxRequestBytes = 0;
        }
    }
}
