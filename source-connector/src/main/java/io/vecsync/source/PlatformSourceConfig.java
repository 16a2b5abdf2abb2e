/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.VectorEncoding;
import io.vecsync.core.config.ConfigEnums;
import io.vecsync.core.config.Validators;
import io.vecsync.platform.PlatformSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the platform source connector. */
public class PlatformSourceConfig extends AbstractConfig {

    public static final String BASE_URL = "platform.base.url";
    public static final String API_KEY = "platform.api.key";
    public static final String REQUEST_TIMEOUT_MS = "platform.request.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS = "platform.connect.timeout.ms";
    public static final String RETRY_MAX = "platform.retry.max";
    public static final String RETRY_BACKOFF_MS = "platform.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "platform.retry.backoff.max.ms";
    public static final String MAX_RESPONSE_BYTES = "platform.max.response.bytes";

    public static final String TOPIC = "topic";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String RECENT_WINDOW_MS = "recent.window.ms";
    public static final String RECONCILIATION_INTERVAL_MS = "reconciliation.interval.ms";
    public static final String REVERIFY_INTERVAL_MS = "reverify.interval.ms";
    public static final String LIST_PAGE_SIZE = "list.page.size";
    public static final String FETCH_CONCURRENCY = "fetch.concurrency";
    public static final String VECTOR_ENCODING = "vector.encoding";
    public static final String EMBEDDING_DIMENSION = "embedding.dimension";
    public static final String SEGMENT_ID_SCHEME = "segment.id.scheme";
    public static final String PROGRESS_LOG_INTERVAL_MS = "progress.log.interval.ms";

    public static final String FILTER_VIDEO_IDS = "filter.video.ids";
    public static final String FILTER_COLLECTION_ID = "filter.collection.id";
    public static final String FILTER_CREATED_AFTER = "filter.created.after";

    private static final String GROUP_PLATFORM = "Platform";
    private static final String GROUP_SYNC = "Sync";
    private static final String GROUP_SCOPE = "Scope";

    public static final ConfigDef CONFIG_DEF = define(new ConfigDef());

    public PlatformSourceConfig(Map<?, ?> originals) {
        this(CONFIG_DEF, originals);
    }

    protected PlatformSourceConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals);
    }

    private static ConfigDef define(ConfigDef def) {
        int order = 0;
        def.define(
                        BASE_URL,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Validators.url("http", "https"),
                        Importance.HIGH,
                        "Base URL of the platform API, e.g. https://api.your-host.com.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.LONG,
                        "Platform base URL")
                .define(
                        API_KEY,
                        Type.PASSWORD,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Validators.nonEmptyPassword(),
                        Importance.HIGH,
                        "API key, sent as the X-API-Key header on every request.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.MEDIUM,
                        "Platform API key")
                .define(
                        REQUEST_TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100L, 600_000L),
                        Importance.LOW,
                        "How long one platform request may take before it counts as a timeout and is retried.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Request timeout (ms)")
                .define(
                        CONNECT_TIMEOUT_MS,
                        Type.LONG,
                        10_000L,
                        Range.between(100L, 600_000L),
                        Importance.LOW,
                        "How long opening a connection to the platform may take.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Connect timeout (ms)")
                .define(
                        RETRY_MAX,
                        Type.INT,
                        6,
                        Range.between(0, 100),
                        Importance.LOW,
                        "Retries of one request after a 429, 408, 5xx or timeout. When they run out the video (or the"
                                + " listing) is tried again on a later poll; the task does not fail.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Retries")
                .define(
                        RETRY_BACKOFF_MS,
                        Type.LONG,
                        500L,
                        Range.between(0L, 600_000L),
                        Importance.LOW,
                        "First backoff before a retry; it doubles on each retry, with jitter, up to "
                                + RETRY_BACKOFF_MAX_MS + ". A 429's Retry-After header takes precedence.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Retry backoff (ms)")
                .define(
                        RETRY_BACKOFF_MAX_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(0L, 3_600_000L),
                        Importance.LOW,
                        "Longest backoff between two retries.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Max retry backoff (ms)")
                .define(
                        MAX_RESPONSE_BYTES,
                        Type.INT,
                        64 * 1024 * 1024,
                        Range.between(1024, Integer.MAX_VALUE),
                        Importance.LOW,
                        "Largest platform response read, in bytes. A video whose embeddings response is larger is reported"
                                + " (naming the video and this key) and retried later; a task holds up to "
                                + FETCH_CONCURRENCY
                                + " such responses at once. The default fits about 5,000 segments of"
                                + " 1024 dimensions.",
                        GROUP_PLATFORM,
                        ++order,
                        Width.SHORT,
                        "Max response size (bytes)");
        order = 0;
        def.define(
                        TOPIC,
                        Type.STRING,
                        "vecsync.segments",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.HIGH,
                        "Topic the segment records go to. Keys are segment ids; a null value (tombstone) retracts a segment,"
                                + " so a compacted topic holds exactly the live segments.",
                        GROUP_SYNC,
                        ++order,
                        Width.MEDIUM,
                        "Topic")
                .define(
                        POLL_INTERVAL_MS,
                        Type.LONG,
                        30_000L,
                        Range.atLeast(100L),
                        Importance.MEDIUM,
                        "How often the recent part of the listing is walked: the done videos created within "
                                + RECENT_WINDOW_MS + " of the newest one seen, one request per " + LIST_PAGE_SIZE
                                + " of them. With one task it walks; with more, only the task that owns shard 0 walks, for"
                                + " the whole connector, and shares the ids it listed through source offsets (16 bytes a"
                                + " video, a shard's record rewritten only when its ids changed), so a quiet library costs one"
                                + " recent walk an interval whatever tasks.max is. New uploads are synced within about this"
                                + " interval of their search-process finishing; with more than one task, those of the other"
                                + " tasks' shards within two intervals plus the worker's offset.flush.interval.ms (60 s by"
                                + " default; each poll with exactly-once source support). A task that sees no newer shared"
                                + " walk for 5 minutes (or 3 intervals, if longer) walks the recent listing itself until it"
                                + " does again.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Poll interval (ms)")
                .define(
                        RECENT_WINDOW_MS,
                        Type.LONG,
                        86_400_000L,
                        Range.atLeast(0L),
                        Importance.LOW,
                        "How far back from the newest video a recent walk looks. A video whose search-process finishes"
                                + " later than this after its upload, or which is re-processed, is found by the next full"
                                + " walk instead (" + RECONCILIATION_INTERVAL_MS + ").",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Recent window (ms)")
                .define(
                        RECONCILIATION_INTERVAL_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(1_000L),
                        Importance.MEDIUM,
                        "How often the whole listing is walked (one request per " + LIST_PAGE_SIZE + " done videos of"
                                + " the library; with a collection in scope, its members are read before and after the walk,"
                                + " one request per 100) and every synced video the walk did not list is asked about. This"
                                + " bounds how late three things are seen: a deletion, a video leaving the scope, and a late"
                                + " completion or re-processing of a video older than " + RECENT_WINDOW_MS
                                + " (plus, with more than one task, up to one offset flush and one " + POLL_INTERVAL_MS
                                + "). Only the task that owns shard 0 walks, first at its start; it shares the walk through"
                                + " source offsets (16 bytes a video, rewritten only for what changed), and the other tasks"
                                + " read it and fetch one by one what it listed that they lack. They walk themselves on their"
                                + " first start, when fetching one by one would cost more than a walk, and when no walk was"
                                + " shared for 10 minutes past this interval.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Reconciliation interval (ms)")
                .define(
                        REVERIFY_INTERVAL_MS,
                        Type.LONG,
                        0L,
                        Range.atLeast(0L),
                        Importance.LOW,
                        "0 (the default) or how often every synced video is fetched again (one credit each) and"
                                + " re-emitted if its segments changed. The platform documents no field that changes when a"
                                + " video is re-processed: a re-processing that starts and finishes between two walks is"
                                + " only seen this way. Credits a day: videos x 86,400,000 / this value.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Re-verification interval (ms)")
                .define(
                        LIST_PAGE_SIZE,
                        Type.INT,
                        100,
                        Range.between(1, 500),
                        Importance.LOW,
                        "Videos per listing request (the platform's limit parameter).",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Listing page size")
                .define(
                        FETCH_CONCURRENCY,
                        Type.INT,
                        4,
                        Range.between(1, 32),
                        Importance.LOW,
                        "Embeddings requests one task keeps in flight.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Fetch concurrency")
                .define(
                        VECTOR_ENCODING,
                        Type.STRING,
                        ConfigEnums.value(VectorEncoding.FLOAT_ARRAY),
                        ValidString.in(ConfigEnums.values(VectorEncoding.class)),
                        Importance.MEDIUM,
                        "How the embedding field is written: float_array (array of float32, readable by any consumer) or"
                                + " float32_le (little-endian float32 bytes, about 2.2x smaller with the JSON converter)."
                                + " vecsync sinks read both.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Vector encoding")
                .define(
                        EMBEDDING_DIMENSION,
                        Type.INT,
                        1024,
                        Range.between(1, 65_536),
                        Importance.MEDIUM,
                        "Expected length of every embedding. A video with a segment of another length is reported and"
                                + " retried on a later poll; none of its segments is emitted.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Embedding dimension")
                .define(
                        SEGMENT_ID_SCHEME,
                        Type.STRING,
                        ConfigEnums.value(SegmentIdScheme.AUTO),
                        ValidString.in(ConfigEnums.values(SegmentIdScheme.class)),
                        Importance.MEDIUM,
                        "auto: the documented id uuid5(NAMESPACE_URL, \"<video_id>|<start>|<end>\") for every segment whose"
                                + " (start, end) is unique within its video, and uuid5(NAMESPACE_URL,"
                                + " \"<video_id>|<start>|<end>|<embedding_option>\") for segments that share (start, end) with"
                                + " another embedding option, so no segment overwrites another. option_qualified: the latter"
                                + " for every segment. Changing it re-syncs every video under the new ids and retracts the old.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Segment id scheme")
                .define(
                        PROGRESS_LOG_INTERVAL_MS,
                        Type.LONG,
                        30_000L,
                        Range.atLeast(1_000L),
                        Importance.LOW,
                        "How often each task logs a one-line progress summary.",
                        GROUP_SYNC,
                        ++order,
                        Width.SHORT,
                        "Progress log interval (ms)");
        order = 0;
        def.define(
                        FILTER_VIDEO_IDS,
                        Type.LIST,
                        "",
                        Validators.uuidList(),
                        Importance.MEDIUM,
                        "Only these video ids (UUIDs, comma-separated). Empty: every video.",
                        GROUP_SCOPE,
                        ++order,
                        Width.LONG,
                        "Video ids")
                .define(
                        FILTER_COLLECTION_ID,
                        Type.STRING,
                        null,
                        Validators.optionalUuid(),
                        Importance.MEDIUM,
                        "Only videos in this collection. Combined with " + FILTER_VIDEO_IDS
                                + ", a video must match both.",
                        GROUP_SCOPE,
                        ++order,
                        Width.MEDIUM,
                        "Collection id")
                .define(
                        FILTER_CREATED_AFTER,
                        Type.STRING,
                        null,
                        Validators.optionalInstant(),
                        Importance.MEDIUM,
                        "Only videos created at or after this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z.",
                        GROUP_SCOPE,
                        ++order,
                        Width.MEDIUM,
                        "Created after");
        return def;
    }

    public String baseUrl() {
        String url = getString(BASE_URL).trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Password apiKey() {
        return getPassword(API_KEY);
    }

    /** How the task's platform client connects, times out, retries and bounds responses. */
    public PlatformSettings platformSettings() {
        Duration requestTimeout = Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS));
        return new PlatformSettings(
                baseUrl(),
                apiKey().value(),
                API_KEY,
                Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS)),
                requestTimeout,
                getInt(RETRY_MAX),
                getLong(RETRY_BACKOFF_MS),
                getLong(RETRY_BACKOFF_MAX_MS),
                getInt(MAX_RESPONSE_BYTES));
    }

    public String topic() {
        return getString(TOPIC);
    }

    public VectorEncoding vectorEncoding() {
        return ConfigEnums.parse(VectorEncoding.class, getString(VECTOR_ENCODING));
    }

    public SegmentIdScheme segmentIdScheme() {
        return ConfigEnums.parse(SegmentIdScheme.class, getString(SEGMENT_ID_SCHEME));
    }

    public int embeddingDimension() {
        return getInt(EMBEDDING_DIMENSION);
    }

    /** What the task syncs: the scope filters. */
    public VideoScope scope() {
        String after = getString(FILTER_CREATED_AFTER);
        return new VideoScope(
                getList(FILTER_VIDEO_IDS).stream()
                        .map(id -> UUID.fromString(id.trim()).toString())
                        .toList(),
                getString(FILTER_COLLECTION_ID),
                after == null || after.isBlank() ? null : Instant.parse(after.trim()));
    }
}
