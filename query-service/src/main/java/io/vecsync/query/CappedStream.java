/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails once more than a given number of bytes were read from it. */
final class CappedStream extends FilterInputStream {

    private final long max;
    private long read;

    CappedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(n);
        return n;
    }

    private void count(int n) throws TooLargeException {
        if (n > 0) {
            read += n;
            if (read > max) {
                throw new TooLargeException(max);
            }
        }
    }

    /** More than the cap arrived. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long max) {
            super("more than " + max + " bytes");
        }
    }
}
