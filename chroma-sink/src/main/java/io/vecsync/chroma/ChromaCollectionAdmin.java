/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.TargetAdmin;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collection when missing — the cosine space in Chroma 1.x's configuration — or verifies an existing one,
 * whether made that way or the platform docs' way ({@code metadata={"hnsw:space": "cosine"}}): its space must be
 * cosine and, once it holds vectors, its dimension the configured one.
 */
final class ChromaCollectionAdmin implements TargetAdmin {

    private static final Logger log = LoggerFactory.getLogger(ChromaCollectionAdmin.class);

    private final ChromaSinkConfig config;
    private final ChromaClient client;
    private final String where;
    private volatile ChromaCollection collection;

    ChromaCollectionAdmin(ChromaSinkConfig config, ChromaClient client) {
        this.config = config;
        this.client = client;
        this.where = "collection " + config.collection() + " (database " + config.database() + ", tenant "
                + config.tenant() + ")";
    }

    @Override
    public void ensureTarget(int dimension) {
        ChromaCollection found = find().orElseGet(this::create);
        verifySpace(found);
        if (found.dimension() != null && found.dimension() != dimension) {
            throw dimensionMismatch(found.dimension(), dimension);
        }
        collection = found;
    }

    /** The collection holds vectors of another dimension than the configured one: a setting to fix, not a record. */
    ConnectException dimensionMismatch(int held, int configured) {
        return new ConnectException(where + " holds vectors of " + held + " dimensions, but "
                + CommonSinkConfig.EMBEDDING_DIMENSION + " is " + configured + ": use another "
                + ChromaSinkConfig.COLLECTION + " or change the setting");
    }

    /**
     * What {@link #ensureTarget} verified.
     *
     * @throws IllegalStateException before it ran
     */
    ChromaCollection collection() {
        ChromaCollection prepared = collection;
        if (prepared == null) {
            throw new IllegalStateException("the collection has not been prepared");
        }
        return prepared;
    }

    /** Reads and verifies the collection without creating it, as a searcher does. */
    ChromaCollection inspect() {
        ChromaCollection found =
                find().orElseThrow(() -> new ConnectException(where + " does not exist; the sink creates it"));
        verifySpace(found);
        return found;
    }

    /** The collection with its database and tenant, for messages. */
    String where() {
        return where;
    }

    private Optional<ChromaCollection> find() {
        try {
            return Optional.of(ChromaCollection.parse(client.get(
                    collectionsPath() + "/" + ChromaClient.segment(config.collection()), "reading " + where)));
        } catch (ChromaRefusal refusal) {
            if (refusal.notFound()) {
                return Optional.empty();
            }
            throw refusal;
        }
    }

    private ChromaCollection create() {
        requireDatabase();
        // get_or_create: the connector's tasks start together, and the second to create gets the first one's
        // collection.
        Map<String, Object> body = Map.of(
                "name",
                config.collection(),
                "get_or_create",
                true,
                "configuration",
                Map.of("hnsw", Map.of("space", ChromaCollection.COSINE)));
        ChromaCollection created = ChromaCollection.parse(client.post(collectionsPath(), body, "creating " + where));
        log.info("created {} with the cosine space", where);
        return created;
    }

    /** Chroma creates no database on the way: say which setting to fix rather than relay its error. */
    private void requireDatabase() {
        try {
            client.get(
                    client.databasePath(), "reading database " + config.database() + " of tenant " + config.tenant());
        } catch (ChromaRefusal refusal) {
            if (refusal.notFound()) {
                throw new ConnectException(
                        "Chroma at " + config.url() + " has no database " + config.database() + " in tenant "
                                + config.tenant() + ": create it, or set " + ChromaSinkConfig.DATABASE + " and "
                                + ChromaSinkConfig.TENANT
                                + " to one that exists (" + refusal.getMessage() + ")",
                        refusal);
            }
            throw refusal;
        }
    }

    private void verifySpace(ChromaCollection found) {
        if (!ChromaCollection.COSINE.equals(found.space())) {
            throw new ConnectException(where + " has the " + found.space()
                    + " space, but the platform's vectors are compared by" + " cosine similarity: use another "
                    + ChromaSinkConfig.COLLECTION + ", or one created with the cosine space");
        }
    }

    private String collectionsPath() {
        return client.databasePath() + "/collections";
    }
}
