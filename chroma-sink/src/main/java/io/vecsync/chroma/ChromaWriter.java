/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.RefusedPointsException;
import io.vecsync.core.sink.Requests;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes a batch as the platform docs' loop does, in bulk: a delete by id of the tombstoned ids, then upserts of ids,
 * embeddings and metadatas — the segment's fields, video_id, start and end among them — in requests within the
 * server's max_batch_size and its 40 MiB body limit. Both are idempotent, so a retried or halved batch is safe.
 *
 * <p>{@link #check} refuses up front the metadata Chroma refuses. Chroma refuses a whole request for one record it
 * cannot take all the same; the framework then writes the batch again in halves until that record stands alone and
 * goes to the dead-letter queue. A record too large for any request goes there at once.
 */
final class ChromaWriter implements VectorWriter {

    /** Chroma's frontend answers 413 to a larger body (its max_payload_size_bytes). */
    static final long MAX_REQUEST_BYTES = 40L * 1024 * 1024;

    private static final Pattern DIMENSIONS =
            Pattern.compile("expecting embedding with dimension of (\\d+), got (\\d+)");
    /** Statuses of a request refused for its content: 400 (validation), 413 (too large), 422 (unreadable JSON). */
    private static final Set<Integer> REFUSED = Set.of(400, 413, 422);

    private final ChromaClient client;
    private final ChromaCollectionAdmin admin;

    ChromaWriter(ChromaClient client, ChromaCollectionAdmin admin) {
        this.client = client;
        this.admin = admin;
    }

    /** Chroma reserves metadata keys that start with # or $, and JSON has no NaN or infinity. */
    @Override
    public void check(VectorPoint point) {
        for (Map.Entry<String, Object> field : point.payload().entrySet()) {
            String key = field.getKey();
            if (key.isEmpty() || key.startsWith("#") || key.startsWith("$")) {
                throw new DataException(
                        "field '" + key + "': Chroma takes no metadata key that is empty or starts with # or $;"
                                + " leave the field out with payload.fields");
            }
            if ((field.getValue() instanceof Double || field.getValue() instanceof Float)
                    && !Double.isFinite(((Number) field.getValue()).doubleValue())) {
                throw new DataException(
                        "field '" + key + "': " + field.getValue() + " is not a number Chroma's metadata can hold");
            }
        }
    }

    @Override
    public void write(WriteBatch batch) {
        String records =
                client.databasePath() + "/collections/" + admin.collection().id();
        ChromaClient.PreFlight limits = client.preFlight();
        for (List<String> ids : Requests.split(batch.deletes(), limits.maxBatchSize())) {
            delete(records, ids);
        }
        long budget = MAX_REQUEST_BYTES - EncodedRecord.ENVELOPE_BYTES;
        List<EncodedRecord> fitting = new ArrayList<>(batch.upserts().size());
        Map<String, String> refused = new LinkedHashMap<>();
        for (VectorPoint point : batch.upserts()) {
            EncodedRecord record = EncodedRecord.of(point, limits.base64());
            if (record.bytes() > budget) {
                refused.put(
                        point.id(),
                        "its upsert would be " + (record.bytes() + EncodedRecord.ENVELOPE_BYTES) + " bytes, over the "
                                + MAX_REQUEST_BYTES + " bytes Chroma takes in a request");
            } else {
                fitting.add(record);
            }
        }
        for (List<EncodedRecord> request :
                Requests.split(fitting, limits.maxBatchSize(), budget, EncodedRecord::bytes)) {
            upsert(records, request);
        }
        if (!refused.isEmpty()) {
            throw new RefusedPointsException(
                    "Chroma cannot take " + refused.size() + " of "
                            + batch.upserts().size() + " records",
                    refused);
        }
    }

    private void delete(String records, List<String> ids) {
        try {
            client.post(
                    records + "/delete",
                    Map.of("ids", ids),
                    "deleting " + ids.size() + " records from " + admin.where());
        } catch (ChromaRefusal refusal) {
            throw gone(refusal);
        }
    }

    private void upsert(String records, List<EncodedRecord> request) {
        try {
            client.post(
                    records + "/upsert",
                    EncodedRecord.upsertBody(request),
                    "upserting " + request.size() + " records into " + admin.where());
        } catch (ChromaRefusal refusal) {
            Matcher dimensions = DIMENSIONS.matcher(refusal.getMessage());
            if (dimensions.find()) {
                throw admin.dimensionMismatch(
                        Integer.parseInt(dimensions.group(1)), Integer.parseInt(dimensions.group(2)));
            }
            if (REFUSED.contains(refusal.status())) {
                throw new RefusedBatchException(refusal.getMessage(), refusal);
            }
            throw gone(refusal);
        }
    }

    /** A 404 is the collection deleted while the sink ran; any other refusal is Chroma's to explain. */
    private ConnectException gone(ChromaRefusal refusal) {
        return refusal.notFound()
                ? new ConnectException(
                        admin.where() + " is gone (deleted while the sink ran?); restart the"
                                + " connector to create it again (" + refusal.getMessage() + ")",
                        refusal)
                : refusal;
    }

    /** The store owns the client. */
    @Override
    public void close() {}
}
