/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A local stand-in for the video platform's HTTP API that tests script and check; every method is thread-safe and
 * takes effect immediately.
 */
public final class PlatformSimulator implements AutoCloseable {

    private final String apiKey;
    private final int port;
    private final SimulatedTextEmbeddings embedder;
    private final Catalog catalog;
    private final Faults faults;
    private final VideoFaults videoFaults = new VideoFaults();
    private final Meter meter = new Meter();
    private ApiServer server;

    private PlatformSimulator(Builder builder) {
        this.apiKey = builder.apiKey;
        this.port = builder.port;
        this.embedder = new SimulatedTextEmbeddings(builder.dimension);
        this.catalog = new Catalog(builder.seed, new SegmentFactory(builder.seed, builder.options, embedder));
        this.faults = new Faults(builder.seed);
        faults.extraVideoFields(!builder.documentedFieldsOnly);
        catalog.populate(builder.videos, builder.minSegments, builder.maxSegments);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving and returns this simulator. */
    public synchronized PlatformSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = new ApiServer(port, apiKey, catalog, faults, videoFaults, meter, embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        return this;
    }

    /** "http://127.0.0.1:&lt;port&gt;"; available once started. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.baseUrl();
    }

    public String apiKey() {
        return apiKey;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }

    // ---- catalog scenarios

    /** Ids of the existing videos, in creation order. */
    public List<String> videoIds() {
        return catalog.videos().stream().map(Video::id).toList();
    }

    /** Adds a video created after every existing one and returns its id. */
    public String upload(String name, int segments, boolean searchProcessDone) {
        return catalog.upload(name, segments, searchProcessDone);
    }

    /** The video's search-process finishes late; no change when it is already done. */
    public void completeSearchProcess(String videoId) {
        catalog.completeSearchProcess(videoId);
    }

    /**
     * The video's search-process runs again, so its embeddings answer 409 until it finishes; meanwhile the video's
     * status is "analysed" and it is missing from the search_processed and processed listings.
     */
    public void startReprocessing(String videoId) {
        catalog.startReprocessing(videoId);
    }

    /** Re-processing finishes with a new version: other segment boundaries, count and embeddings. */
    public void finishReprocessing(String videoId) {
        catalog.finishReprocessing(videoId);
    }

    /** Starts and finishes re-processing at once; only the undocumented updated_at shows it in the listing. */
    public void reprocess(String videoId) {
        catalog.startReprocessing(videoId);
        catalog.finishReprocessing(videoId);
    }

    /**
     * The done video gets a new version, as by {@link #reprocess(String)}, yet no field the listing or details carry
     * changes, updated_at included: a client can only learn of it by fetching the embeddings again.
     */
    public void reprocessSilently(String videoId) {
        catalog.reprocessSilently(videoId);
    }

    public void delete(String videoId) {
        catalog.delete(videoId);
    }

    public String createCollection(String name, List<String> videoIds) {
        return catalog.createCollection(name, videoIds);
    }

    public void addToCollection(String collectionId, String videoId) {
        catalog.addToCollection(collectionId, videoId);
    }

    public void removeFromCollection(String collectionId, String videoId) {
        catalog.removeFromCollection(collectionId, videoId);
    }

    /** The collection's members that exist, in the order they were added. */
    public List<String> collectionMembers(String collectionId) {
        return catalog.existing(catalog.collection(collectionId).orElseThrow().videoIds()).stream()
                .map(Video::id)
                .toList();
    }

    // ---- faults

    /** The next {@code count} requests to the route answer {@code status}; queued after earlier calls. */
    public void failNext(Route route, int status, int count) {
        faults.failNext(route, status, count);
    }

    /**
     * Runs {@code action} once, just before the next listing request with this {@code skip} is answered: deleting or
     * uploading videos there shifts the pages under a client that is walking them.
     */
    public void beforeListPage(int skip, Runnable action) {
        faults.beforeListPage(skip, action);
    }

    /**
     * Runs {@code action} once, just before the next request for this page of any collection's videos is answered:
     * adding or removing members there shifts the pages under a client that is reading them.
     */
    public void beforeCollectionPage(int page, Runnable action) {
        faults.beforeCollectionPage(page, action);
    }

    /** Every request fails with the probability, with a status drawn from {@code statuses}; 0 turns chaos off. */
    public void chaos(double probability, int... statuses) {
        faults.chaos(probability, statuses);
    }

    public void latency(Duration perRequest) {
        faults.latency(perRequest);
    }

    /** Breaks the video's embeddings response until {@link #repair(String)}. */
    public void corrupt(String videoId, Corruption kind) {
        videoFaults.corrupt(catalog.require(videoId).id(), kind);
    }

    public void repair(String videoId) {
        videoFaults.repair(videoId);
    }

    /** While set, the video's embeddings answer 409 even though the listing says its search-process is done. */
    public void notReady(String videoId, boolean notReady) {
        videoFaults.notReady(catalog.require(videoId).id(), notReady);
    }

    /**
     * Until {@link #clearVideoFailure(String)}, requests about the video to {@link Route#VIDEO_DETAILS} or
     * {@link Route#VIDEO_EMBEDDINGS} answer {@code status} with a {"detail": ...} body; other videos are unaffected.
     */
    public void failVideo(String videoId, Route route, int status) {
        videoFaults.fail(catalog.require(videoId).id(), route, status);
    }

    public void clearVideoFailure(String videoId) {
        videoFaults.clearFailures(videoId);
    }

    /** What the video's embeddings answer with status 200 once it is done; {@link EmbeddingsAnswer#NORMAL} resets. */
    public void embeddingsAnswer(String videoId, EmbeddingsAnswer answer) {
        videoFaults.answer(catalog.require(videoId).id(), answer);
    }

    public void listShape(ListShape shape) {
        faults.listShape(shape);
    }

    /**
     * Whether video items carry only the fields the platform documents (video_metadata added on details); otherwise
     * they also carry analyse_status, search_process_status, updated_at and a field no client knows.
     */
    public void documentedFieldsOnly(boolean documentedOnly) {
        faults.extraVideoFields(!documentedOnly);
    }

    /**
     * Requests to the route answer 307 with {@code Location: otherBaseUrl + the same path and query}, before the API
     * key is checked, as a front proxy does; {@link Route#ANY} redirects the routes without a redirect of their own.
     */
    public void redirect(Route route, String otherBaseUrl) {
        faults.redirect(route, otherBaseUrl);
    }

    public void clearRedirect(Route route) {
        faults.clearRedirect(route);
    }

    /** While set, every request answers 403. */
    public void apiKeyRevoked(boolean revoked) {
        faults.keyRevoked(revoked);
    }

    // ---- truth and accounting

    /** The segments of every existing video whose search-process is done: what a correct sync holds. */
    public List<Segment> liveSegments() {
        return catalog.videos().stream()
                .filter(Video::searchDone)
                .flatMap(video -> video.version().rendition().segments().stream())
                .toList();
    }

    /** The current segments of the video, whether or not its search-process is done. */
    public List<Segment> segments(String videoId) {
        return catalog.require(videoId).version().rendition().segments();
    }

    /** Video embeddings requests answered, whatever the status. */
    public int embeddingsCalls() {
        return meter.requests(Route.VIDEO_EMBEDDINGS);
    }

    public int embeddingsCalls(String videoId) {
        return meter.embeddingsCalls(videoId);
    }

    /**
     * Net credits: one per embeddings call, except the refunded (404, 408, 5xx), the refused (401, 403, 429) and the
     * redirected.
     */
    public long creditsCharged() {
        return meter.credits();
    }

    public int textEmbeddingCalls() {
        return meter.requests(Route.TEXT_EMBEDDINGS);
    }

    /** Listing pages asked for without a start time: the pages of walks over the whole library. */
    public int wholeListingPages() {
        return meter.wholeListingPages();
    }

    /** Requests answered on the route; {@link Route#ANY} counts all of them, unknown paths included. */
    public int requests(Route route) {
        return meter.requests(route);
    }

    /** Requests answered on the route that carried an X-API-Key header, whatever its value. */
    public int requestsWithApiKeyHeader(Route route) {
        return meter.requestsWithApiKeyHeader(route);
    }

    /** How many (video, version) pairs ever reached search-process done. */
    public int versionsCompleted() {
        return catalog.versionsCompleted();
    }

    /** What the text embeddings endpoint returns for the text. */
    public float[] textEmbedding(String text) {
        return embedder.embed(text);
    }

    public String hlsPlaylistUrl(String videoId) {
        return VideoJson.hlsPlaylistUrl(baseUrl(), videoId);
    }

    public String videoName(String videoId) {
        return catalog.require(videoId).name();
    }

    public String thumbnailUrl(String videoId) {
        return VideoJson.thumbnailUrl(baseUrl(), videoId);
    }

    /** Configures a simulator; every setting has a default. */
    public static final class Builder {

        private long seed = 42L;
        private int videos = 10;
        private int minSegments = 6;
        private int maxSegments = 12;
        private List<String> options = List.of("visual");
        private int dimension = 1024;
        private String apiKey = "sk-sim-local";
        private int port;
        private boolean documentedFieldsOnly;

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many videos exist at start, all with their search-process done. */
        public Builder videos(int videos) {
            require(videos >= 0, "videos must not be negative");
            this.videos = videos;
            return this;
        }

        /** Inclusive range of the initial videos' segment counts. */
        public Builder segmentsPerVideo(int min, int max) {
            require(min >= 1 && min <= max, "segment counts need 1 <= min <= max");
            this.minSegments = min;
            this.maxSegments = max;
            return this;
        }

        /** Each segment boundary is embedded once per option. */
        public Builder embeddingOptions(String... options) {
            require(
                    options.length > 0 && Arrays.stream(options).distinct().count() == options.length,
                    "embedding options must be distinct and at least one");
            this.options = List.of(options);
            return this;
        }

        public Builder dimension(int dimension) {
            require(dimension >= 2, "dimension must be at least 2");
            this.dimension = dimension;
            return this;
        }

        public Builder apiKey(String apiKey) {
            require(apiKey != null && !apiKey.isEmpty(), "the API key must not be empty");
            this.apiKey = apiKey;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            require(port >= 0 && port <= 65535, "port out of range");
            this.port = port;
            return this;
        }

        /** See {@link PlatformSimulator#documentedFieldsOnly(boolean)}; off by default. */
        public Builder documentedFieldsOnly(boolean documentedOnly) {
            this.documentedFieldsOnly = documentedOnly;
            return this;
        }

        public PlatformSimulator build() {
            return new PlatformSimulator(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
