/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.io.ByteArrayOutputStream;
import java.util.BitSet;

/**
 * Encodes pictures as H.264 (Constrained Baseline) access units whose macroblocks are uncompressed samples (I_PCM):
 * no transform or prediction to get wrong, so every decoder shows exactly what was drawn. An IDR frame codes every
 * macroblock; a P frame codes the macroblock rows it is given and copies the rest from the frame before.
 */
final class PcmH264 {

    private static final int MB = 16;
    private static final int NAL_NON_IDR_SLICE = 1;
    private static final int NAL_IDR_SLICE = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int NAL_AUD = 9;
    private static final int I_PCM_IN_I_SLICE = 25;
    /** In a P slice the intra macroblock types follow the five inter ones. */
    private static final int I_PCM_IN_P_SLICE = 5 + I_PCM_IN_I_SLICE;

    private static final int SLICE_P = 5;
    private static final int SLICE_I = 7;

    private final int width;
    private final int height;
    private final int mbWidth;
    private final int mbHeight;

    PcmH264(int width, int height) {
        this.width = width;
        this.height = height;
        this.mbWidth = (width + MB - 1) / MB;
        this.mbHeight = (height + MB - 1) / MB;
    }

    /** An access unit delimiter, the parameter sets and an IDR slice of every macroblock. */
    byte[] idr(Picture picture, int idrPicId) {
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        nal(unit, 0, NAL_AUD, accessUnitDelimiter(0));
        nal(unit, 3, NAL_SPS, sequenceParameterSet());
        nal(unit, 3, NAL_PPS, pictureParameterSet());
        Bits slice = new Bits();
        slice.ue(0).ue(SLICE_I).ue(0).u(4, 0).ue(idrPicId);
        // dec_ref_pic_marking: no_output_of_prior_pics_flag, long_term_reference_flag
        slice.u(1, 0).u(1, 0);
        sliceTail(slice);
        for (int mb = 0; mb < mbWidth * mbHeight; mb++) {
            slice.ue(I_PCM_IN_I_SLICE);
            samples(slice, picture, mb);
        }
        nal(unit, 3, NAL_IDR_SLICE, slice.trailing());
        return unit.toByteArray();
    }

    /**
     * A P frame: the macroblock rows in {@code codedRows} from the picture, every other macroblock skipped, which with
     * no motion anywhere copies it from the frame before.
     *
     * @param frameNum frames since the IDR, 1 to 15: frame_num has 4 bits
     */
    byte[] p(Picture picture, int frameNum, BitSet codedRows) {
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        nal(unit, 0, NAL_AUD, accessUnitDelimiter(1));
        Bits slice = new Bits();
        slice.ue(0).ue(SLICE_P).ue(0).u(4, frameNum);
        // num_ref_idx_active_override_flag, ref_pic_list_modification_flag_l0, adaptive_ref_pic_marking_mode_flag
        slice.u(1, 0).u(1, 0).u(1, 0);
        sliceTail(slice);
        int skipped = 0;
        for (int mb = 0; mb < mbWidth * mbHeight; mb++) {
            if (!codedRows.get(mb / mbWidth)) {
                skipped++;
                continue;
            }
            slice.ue(skipped).ue(I_PCM_IN_P_SLICE);
            skipped = 0;
            samples(slice, picture, mb);
        }
        if (skipped > 0) {
            slice.ue(skipped);
        }
        nal(unit, 2, NAL_NON_IDR_SLICE, slice.trailing());
        return unit.toByteArray();
    }

    /** slice_qp_delta, and deblocking off: it would blur the samples. */
    private static void sliceTail(Bits slice) {
        slice.se(0).ue(1);
    }

    private byte[] sequenceParameterSet() {
        Bits sps = new Bits();
        // Baseline profile with constraint_set0 and 1 (Constrained Baseline), level 3.0.
        sps.u(8, 66).u(8, 0xC0).u(8, 30);
        sps.ue(0);
        // log2_max_frame_num_minus4, pic_order_cnt_type 2 (output order is decoding order), max_num_ref_frames
        sps.ue(0).ue(2).ue(1);
        sps.u(1, 0);
        sps.ue(mbWidth - 1).ue(mbHeight - 1);
        // frame_mbs_only_flag, direct_8x8_inference_flag
        sps.u(1, 1).u(1, 1);
        // Cropping to the picture, in units of two pixels for 4:2:0 chroma.
        sps.u(1, 1).ue(0).ue((mbWidth * MB - width) / 2).ue(0).ue((mbHeight * MB - height) / 2);
        // no VUI: timing comes from the container's timestamps
        sps.u(1, 0);
        return sps.trailing();
    }

    private static byte[] pictureParameterSet() {
        Bits pps = new Bits();
        pps.ue(0).ue(0);
        // CAVLC, no field order flag, one slice group, one reference, no weighted prediction
        pps.u(1, 0).u(1, 0).ue(0).ue(0).ue(0).u(1, 0).u(2, 0);
        // pic_init_qp_minus26, pic_init_qs_minus26, chroma_qp_index_offset
        pps.se(0).se(0).se(0);
        // deblocking_filter_control_present_flag, constrained_intra_pred_flag, redundant_pic_cnt_present_flag
        pps.u(1, 1).u(1, 0).u(1, 0);
        return pps.trailing();
    }

    private static byte[] accessUnitDelimiter(int primaryPictureType) {
        return new Bits().u(3, primaryPictureType).trailing();
    }

    /** The macroblock's 256 luma then 64 Cb and 64 Cr samples, BT.601 limited range, so none is ever 0. */
    private void samples(Bits slice, Picture picture, int mb) {
        slice.align();
        int left = mb % mbWidth * MB;
        int top = mb / mbWidth * MB;
        for (int y = 0; y < MB; y++) {
            for (int x = 0; x < MB; x++) {
                int rgb = picture.rgb(left + x, top + y);
                slice.u(8, clamp(16 + (65.738 * red(rgb) + 129.057 * green(rgb) + 25.064 * blue(rgb)) / 256));
            }
        }
        for (int plane = 0; plane < 2; plane++) {
            for (int y = 0; y < MB / 2; y++) {
                for (int x = 0; x < MB / 2; x++) {
                    double r = 0;
                    double g = 0;
                    double b = 0;
                    for (int i = 0; i < 4; i++) {
                        int rgb = picture.rgb(left + 2 * x + i % 2, top + 2 * y + i / 2);
                        r += red(rgb) / 4.0;
                        g += green(rgb) / 4.0;
                        b += blue(rgb) / 4.0;
                    }
                    double chroma =
                            plane == 0 ? -37.945 * r - 74.494 * g + 112.439 * b : 112.439 * r - 94.154 * g - 18.285 * b;
                    slice.u(8, clamp(128 + chroma / 256));
                }
            }
        }
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int green(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    private static int clamp(double sample) {
        return (int) Math.max(16, Math.min(240, Math.round(sample)));
    }

    /** Writes a NAL unit with its start code, escaping any 00 00 0x (x <= 3) in its payload. */
    private static void nal(ByteArrayOutputStream out, int refIdc, int type, byte[] rbsp) {
        out.writeBytes(new byte[] {0, 0, 0, 1, (byte) (refIdc << 5 | type)});
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros == 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
    }

    /** A bit string, most significant bit first, with H.264's fixed-length and Exp-Golomb codes. */
    private static final class Bits {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits u(int count, long value) {
            for (int i = count - 1; i >= 0; i--) {
                current = current << 1 | (int) (value >> i & 1);
                if (++used == 8) {
                    bytes.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        /** Unsigned Exp-Golomb: value + 1 in binary, after as many zeros as it has bits less one. */
        Bits ue(int value) {
            int bits = 32 - Integer.numberOfLeadingZeros(value + 1);
            return u(bits - 1, 0).u(bits, value + 1);
        }

        /** Signed Exp-Golomb: 0, 1, -1, 2, -2... */
        Bits se(int value) {
            return ue(value > 0 ? 2 * value - 1 : -2 * value);
        }

        void align() {
            while (used != 0) {
                u(1, 0);
            }
        }

        /** The bits with the stop bit and the zeros up to a byte boundary appended. */
        byte[] trailing() {
            u(1, 1);
            align();
            return bytes.toByteArray();
        }
    }
}
