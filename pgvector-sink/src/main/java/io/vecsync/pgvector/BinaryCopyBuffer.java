/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format, gathered in a buffer the caller drains into a COPY: a header (signature,
 * flags, extension length), per row a field count and length-prefixed fields (-1 for NULL), and a -1 trailer. A uuid
 * is its 16 bytes, text its UTF-8, float8 8 big-endian bytes, jsonb a version byte (1) and the text, and a vector
 * pgvector's binary form: int16 dimension, int16 unused (0), then the values as big-endian float32.
 */
public final class BinaryCopyBuffer {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final byte JSONB_VERSION = 1;
    private static final int NULL = -1;

    // ByteBuffer is big-endian, as the format is.
    private ByteBuffer buffer;

    /** A buffer holding the format's header, with room for about this many bytes before it grows. */
    public BinaryCopyBuffer(int capacity) {
        buffer = ByteBuffer.allocate(Math.max(capacity, 64));
        restart();
    }

    /** Forgets what it holds and begins the data of a new COPY: the header alone. */
    public void restart() {
        buffer.clear();
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    public BinaryCopyBuffer row(int fields) {
        room(Short.BYTES).putShort((short) fields);
        return this;
    }

    public BinaryCopyBuffer uuid(UUID id) {
        room(Integer.BYTES + 16).putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return this;
    }

    /** A text field; null writes NULL. */
    public BinaryCopyBuffer text(String value) {
        if (value == null) {
            return nullField();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        room(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
        return this;
    }

    /** A float8 field; null writes NULL. */
    public BinaryCopyBuffer float8(Double value) {
        if (value == null) {
            return nullField();
        }
        room(Integer.BYTES + Double.BYTES).putInt(Double.BYTES).putDouble(value);
        return this;
    }

    public BinaryCopyBuffer jsonb(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        room(Integer.BYTES + 1 + bytes.length)
                .putInt(1 + bytes.length)
                .put(JSONB_VERSION)
                .put(bytes);
        return this;
    }

    public BinaryCopyBuffer vector(float[] values) {
        int bytes = 2 * Short.BYTES + values.length * Float.BYTES;
        room(Integer.BYTES + bytes)
                .putInt(bytes)
                .putShort((short) values.length)
                .putShort((short) 0);
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + values.length * Float.BYTES);
        return this;
    }

    /** Ends the data: the COPY may end after the buffer's last bytes are sent. */
    public void finish() {
        room(Short.BYTES).putShort((short) -1);
    }

    public byte[] array() {
        return buffer.array();
    }

    /** Bytes gathered since the last {@link #clear()}. */
    public int length() {
        return buffer.position();
    }

    /** Forgets the bytes gathered, once they were sent. */
    public void clear() {
        buffer.clear();
    }

    private BinaryCopyBuffer nullField() {
        room(Integer.BYTES).putInt(NULL);
        return this;
    }

    private ByteBuffer room(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer;
    }
}
