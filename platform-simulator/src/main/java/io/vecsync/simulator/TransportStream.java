/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An MPEG-2 transport stream of one H.264 video stream, as HLS segments carry it: a PAT and a PMT, then each access
 * unit in a PES packet stamped with its PTS, the first packet of each with a PCR.
 */
final class TransportStream {

    static final int PACKET_SIZE = 188;
    /** 90 kHz ticks: PTS and PCR base units. */
    static final int TICKS_PER_SECOND = 90_000;

    private static final int PAT_PID = 0;
    private static final int PMT_PID = 0x1000;
    private static final int VIDEO_PID = 0x100;
    private static final int H264_STREAM_TYPE = 0x1B;
    private static final int PES_HEADER_BYTES = 14;
    /** Adaptation field of a unit's first packet: length, flags and the six PCR bytes. */
    private static final int PCR_FIELD_BYTES = 8;
    /** The PCR runs this far ahead of the frame it announces. */
    private static final int PCR_LEAD_TICKS = 3_000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int videoCounter;

    /**
     * Starts a stream with its PAT and PMT.
     *
     * @param tablesCounter continuity counter of the tables' packets, and {@code videoCounter} of the next video packet:
     *                      a segment continues the counters of the one before
     */
    TransportStream(int tablesCounter, int videoCounter) {
        this.videoCounter = videoCounter;
        // PAT: transport_stream_id 1, version 0, program 1 in the PMT's PID.
        section(PAT_PID, tablesCounter, new byte[] {
            0x00, (byte) 0xB0, 13, 0, 1, (byte) 0xC1, 0, 0, 0, 1, (byte) (0xE0 | PMT_PID >> 8), (byte) PMT_PID
        });
        // PMT: program 1, PCR and the one H.264 stream in the video PID, no descriptors.
        section(PMT_PID, tablesCounter, new byte[] {
            0x02,
            (byte) 0xB0,
            18,
            0,
            1,
            (byte) 0xC1,
            0,
            0,
            (byte) (0xE0 | VIDEO_PID >> 8),
            (byte) VIDEO_PID,
            (byte) 0xF0,
            0,
            H264_STREAM_TYPE,
            (byte) (0xE0 | VIDEO_PID >> 8),
            (byte) VIDEO_PID,
            (byte) 0xF0,
            0
        });
    }

    /** How many packets an access unit of this many bytes takes. */
    static int packets(int accessUnitBytes) {
        int firstPayload = PACKET_SIZE - 4 - PCR_FIELD_BYTES;
        int rest = Math.max(0, PES_HEADER_BYTES + accessUnitBytes - firstPayload);
        return 1 + (rest + PACKET_SIZE - 5) / (PACKET_SIZE - 4);
    }

    /** Appends the access unit, presented at {@code pts} (90 kHz); a key frame is marked as a random access point. */
    void frame(byte[] accessUnit, long pts, boolean key) {
        byte[] pes = new byte[PES_HEADER_BYTES + accessUnit.length];
        // Stream id 0xE0 (video), PTS only; the length when it fits, else 0 (unbounded, allowed for video). A bounded
        // packet is complete when its last byte arrives: Chromium's own HLS player stalled after a seek into a segment
        // whose frames' packets were unbounded, as each is complete only once the next one starts.
        pes[2] = 1;
        pes[3] = (byte) 0xE0;
        int length = pes.length - 6;
        if (length <= 0xFFFF) {
            pes[4] = (byte) (length >> 8);
            pes[5] = (byte) length;
        }
        pes[6] = (byte) 0x80;
        pes[7] = (byte) 0x80;
        pes[8] = 5;
        pes[9] = (byte) (0x21 | (pts >> 29 & 0x0E));
        pes[10] = (byte) (pts >> 22);
        pes[11] = (byte) (pts >> 14 | 1);
        pes[12] = (byte) (pts >> 7);
        pes[13] = (byte) (pts << 1 | 1);
        System.arraycopy(accessUnit, 0, pes, PES_HEADER_BYTES, accessUnit.length);

        long pcr = pts - PCR_LEAD_TICKS;
        int offset = 0;
        for (boolean first = true; offset < pes.length; first = false) {
            byte[] field = first
                    ? new byte[] {
                        7,
                        (byte) (key ? 0x50 : 0x10),
                        (byte) (pcr >> 25),
                        (byte) (pcr >> 17),
                        (byte) (pcr >> 9),
                        (byte) (pcr >> 1),
                        (byte) (pcr << 7 | 0x7E),
                        0
                    }
                    : new byte[0];
            int room = PACKET_SIZE - 4 - field.length;
            int payload = Math.min(room, pes.length - offset);
            field = stuffed(field, room - payload);
            out.writeBytes(new byte[] {
                0x47,
                (byte) ((first ? 0x40 : 0) | VIDEO_PID >> 8),
                (byte) VIDEO_PID,
                (byte) ((field.length > 0 ? 0x30 : 0x10) | videoCounter)
            });
            videoCounter = (videoCounter + 1) & 0x0F;
            out.writeBytes(field);
            out.write(pes, offset, payload);
            offset += payload;
        }
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The adaptation field grown by {@code stuffing} bytes of 0xFF, so that the packet's payload fills it exactly. */
    private static byte[] stuffed(byte[] field, int stuffing) {
        if (stuffing == 0) {
            return field;
        }
        // An empty field is a length byte alone, then a flags byte; the stuffing goes after whatever it holds.
        byte[] base = field.length > 0 ? field : stuffing == 1 ? new byte[] {0} : new byte[] {0, 0};
        byte[] grown = new byte[field.length + stuffing];
        System.arraycopy(base, 0, grown, 0, base.length);
        for (int i = base.length; i < grown.length; i++) {
            grown[i] = (byte) 0xFF;
        }
        grown[0] = (byte) (grown.length - 1);
        return grown;
    }

    /** One PSI section in its own packet, with its CRC, padded with 0xFF. */
    private void section(int pid, int counter, byte[] section) {
        byte[] packet = new byte[PACKET_SIZE];
        Arrays.fill(packet, (byte) 0xFF);
        packet[0] = 0x47;
        packet[1] = (byte) (0x40 | pid >> 8);
        packet[2] = (byte) pid;
        packet[3] = (byte) (0x10 | (counter & 0x0F));
        packet[4] = 0;
        System.arraycopy(section, 0, packet, 5, section.length);
        int crc = crc32(section);
        for (int i = 0; i < 4; i++) {
            packet[5 + section.length + i] = (byte) (crc >> (24 - 8 * i));
        }
        out.writeBytes(packet);
    }

    /** CRC-32/MPEG-2: polynomial 0x04C11DB7, not reflected, initial value all ones, no final XOR. */
    private static int crc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = crc < 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
