/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A media file streaming from the platform: a 2xx answer's status and headers, and its body, which fails once past
 * its size cap or once closed, so that a cut transfer never reads as a complete one. Close it when done; closing from
 * another thread ends a read blocked on the platform.
 */
public final class PlatformMedia implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final Body body;

    PlatformMedia(HttpResponse<InputStream> response, long maxBytes) {
        this.response = response;
        this.body = new Body(response.body(), maxBytes);
    }

    /** 200, or 206 for a range. */
    public int status() {
        return response.statusCode();
    }

    /** The first value of a response header. */
    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The length the platform announced, when it did. */
    public OptionalLong contentLength() {
        return response.headers().firstValueAsLong("Content-Length");
    }

    /**
     * The body as it arrives.
     *
     * @throws BodyTooLargeException from a read once more than the cap has arrived
     */
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        body.closeQuietly();
    }

    /** The platform's body, counted against the cap; a read after closing fails rather than ending. */
    private static final class Body extends FilterInputStream {

        private final long max;
        private long read;
        private volatile boolean closed;

        Body(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (closed) {
                throw new IOException("the media body was closed before its end");
            }
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new BodyTooLargeException(max);
                }
            }
            return n;
        }

        @Override
        public void close() {
            closeQuietly();
        }

        void closeQuietly() {
            closed = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The JDK's stream does not throw on close; a reader still blocked fails either way.
            }
        }
    }
}
