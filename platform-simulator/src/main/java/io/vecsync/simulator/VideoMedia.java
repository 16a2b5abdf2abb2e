/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.awt.Color;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a video's HLS and thumbnail URLs serve, generated on request: an HLS playlist with one MPEG-TS segment per
 * segment boundary of the video's current version, one frame a second that shows the video's name, the time and the
 * captions of the segment playing, and a PNG thumbnail of its first frame.
 */
final class VideoMedia {

    /** 16:9 in whole macroblocks, and small enough for a frame to fit one bounded PES packet (64 KB). */
    static final int WIDTH = 256;

    static final int HEIGHT = 144;
    static final String PLAYLIST_FILE = "playlist.m3u8";
    static final String THUMBNAIL_FILE = "thumbnail.png";
    private static final Pattern SEGMENT_FILE = Pattern.compile("v(\\d+)-(\\d+)\\.ts");
    /** The first frame's PTS: one second in, so that the PCR sent ahead of it is not negative. */
    private static final long FIRST_PTS = TransportStream.TICKS_PER_SECOND;

    private static final int BAND = 16;
    private static final int CAPTION_SCALE = 2;
    private static final int CAPTION_CHARS_PER_LINE = 20;
    private static final int CAPTION_LINE_HEIGHT = PixelFont.HEIGHT * CAPTION_SCALE + 6;
    private static final int PROGRESS_TOP = 140;
    private static final int DARK = 0x141820;

    private final PcmH264 encoder = new PcmH264(WIDTH, HEIGHT);
    /** The macroblock rows that change from second to second: the time at the top, the progress bar at the bottom. */
    private final BitSet changingRows = new BitSet();
    /** Every IDR and every P frame has the same size: uncompressed samples, never escaped, in a fixed layout. */
    private final int idrPackets;

    private final int pPackets;

    VideoMedia() {
        changingRows.set(0);
        changingRows.set(PROGRESS_TOP / BAND);
        Picture blank = new Picture(WIDTH, HEIGHT, DARK);
        idrPackets = TransportStream.packets(encoder.idr(blank, 0).length);
        pPackets = TransportStream.packets(encoder.p(blank, 1, changingRows).length);
    }

    /** A VOD playlist whose segments add up to the video's duration, named after its version. */
    String playlist(Video video) {
        Version version = video.version();
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:")
                .append(version.segmentSeconds())
                .append("\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < version.segmentCount(); i++) {
            playlist.append("#EXTINF:")
                    .append(frames(version, i))
                    .append(".000,\n")
                    .append('v')
                    .append(version.number())
                    .append('-')
                    .append(i)
                    .append(".ts\n");
        }
        return playlist.append("#EXT-X-ENDLIST\n").toString();
    }

    /**
     * The named segment of the video's current version: an IDR frame, then a P frame a second.
     *
     * @throws HttpError 404 for a file the current playlist does not list
     */
    byte[] segment(Video video, String file) {
        Version version = video.version();
        Matcher name = SEGMENT_FILE.matcher(file);
        if (!name.matches()
                || !name.group(1).equals(Integer.toString(version.number()))
                || name.group(2).length() > 6
                || Integer.parseInt(name.group(2)) >= version.segmentCount()) {
            throw new HttpError(404, "No such segment");
        }
        int index = Integer.parseInt(name.group(2));
        // Each segment continues the continuity counters where the one before left them: all before it are full.
        int videoPackets = index * (idrPackets + (version.segmentSeconds() - 1) * pPackets);
        TransportStream stream = new TransportStream(index, videoPackets & 0x0F);
        List<String> captions = captions(version, index);
        int start = index * version.segmentSeconds();
        for (int frame = 0; frame < frames(version, index); frame++) {
            Picture picture = frame(video, captions, start + frame);
            byte[] unit = frame == 0 ? encoder.idr(picture, index % 2) : encoder.p(picture, frame, changingRows);
            stream.frame(unit, FIRST_PTS + (long) (start + frame) * TransportStream.TICKS_PER_SECOND, frame == 0);
        }
        return stream.bytes();
    }

    /** The first frame, as a PNG. */
    byte[] thumbnail(Video video) {
        return Png.encode(frame(video, captions(video.version(), 0), 0));
    }

    /** Frames in the segment: one a second, its length in seconds. */
    private static int frames(Version version, int index) {
        return Math.min(version.segmentSeconds(), version.durationSeconds() - index * version.segmentSeconds());
    }

    /** The captions of every embedding option at the segment's boundary. */
    private static List<String> captions(Version version, int index) {
        List<Segment> segments = version.rendition().segments();
        int options = segments.size() / version.segmentCount();
        return segments.subList(index * options, (index + 1) * options).stream()
                .map(Segment::caption)
                .toList();
    }

    private static Picture frame(Video video, List<String> captions, int second) {
        float hue = (video.id().hashCode() & 0xFFFF) / 65536f;
        Picture picture = new Picture(WIDTH, HEIGHT, Color.HSBtoRGB(hue, 0.35f, 0.32f));
        picture.fill(0, HEIGHT * 5 / 8, WIDTH, PROGRESS_TOP - HEIGHT * 5 / 8, Color.HSBtoRGB(hue, 0.3f, 0.45f));

        picture.fill(0, 0, WIDTH, BAND, DARK);
        picture.text(6, 5, 1, video.name(), 0xD8DCE6);
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
        picture.text(WIDTH - 6 - Picture.textWidth(time, 2), 1, 2, time, 0xFFFFFF);

        List<String> lines = new ArrayList<>();
        captions.forEach(caption -> lines.addAll(wrap(caption)));
        int top = BAND + (PROGRESS_TOP - BAND - lines.size() * CAPTION_LINE_HEIGHT) / 2;
        picture.fill(8, top - 8, WIDTH - 16, lines.size() * CAPTION_LINE_HEIGHT + 10, 0x1C2230);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            picture.text(
                    (WIDTH - Picture.textWidth(line, CAPTION_SCALE)) / 2,
                    top + i * CAPTION_LINE_HEIGHT,
                    CAPTION_SCALE,
                    line,
                    0xFFFFFF);
        }

        int duration = video.version().durationSeconds();
        picture.fill(0, PROGRESS_TOP, WIDTH, HEIGHT - PROGRESS_TOP, DARK);
        picture.fill(0, PROGRESS_TOP, WIDTH * second / duration, HEIGHT - PROGRESS_TOP, Color.HSBtoRGB(hue, 0.75f, 1f));
        return picture;
    }

    /** The caption in lines of whole words, at most {@value #CAPTION_CHARS_PER_LINE} characters where words allow. */
    private static List<String> wrap(String caption) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : caption.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > CAPTION_CHARS_PER_LINE) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
