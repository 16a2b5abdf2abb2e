/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.util.AbstractList;
import java.util.RandomAccess;

/** A read-only {@code List<Float>} over a float array, so a vector enters a Connect array field without a copy. */
public final class FloatListView extends AbstractList<Float> implements RandomAccess {

    private final float[] values;

    public FloatListView(float[] values) {
        this.values = values;
    }

    @Override
    public Float get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The backing array, for readers in the same JVM that want to skip unboxing. */
    public float[] array() {
        return values;
    }
}
