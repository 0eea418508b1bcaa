package dev.fgc.hil;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads frames from a byte stream and checks them. Bytes before a frame's sync are tolerated only
 * while waiting for the device's first reply (a board may print a boot banner); after that every
 * byte must belong to a frame, so nothing corrupted or out of place passes unnoticed.
 */
public final class FrameReader {
    private final InputStream in;
    private final String source;
    private final int maxPayload;

    /**
     * @param source     what the stream is, for messages (e.g. "tcp:127.0.0.1:4000")
     * @param maxPayload the largest payload accepted; a larger length field is a corruption
     */
    public FrameReader(InputStream in, String source, int maxPayload) {
        this.in = in;
        this.source = source;
        this.maxPayload = maxPayload;
    }

    /** The next frame; with {@code skipNoise} leading bytes other than the sync are dropped. */
    public Frame read(boolean skipNoise) throws IOException {
        int skipped = 0;
        int b = next();
        while (true) {
            if (b == Frame.SYNC0) {
                int c = next();
                if (c == Frame.SYNC1) {
                    break;
                }
                skipped++;
                b = c;
            } else {
                skipped++;
                b = next();
            }
            if (!skipNoise) {
                throw new ProtocolError(source + ": " + skipped + " byte(s) outside any frame where a frame"
                        + " should start (corrupted or lost bytes)");
            }
        }
        int[] header = {next(), next(), next(), next()};
        int length = header[2] | header[3] << 8;
        if (length > maxPayload) {
            throw new ProtocolError(source + ": frame " + Frame.typeName(header[0]) + " seq " + header[1]
                    + " announces " + length + " bytes, more than the " + maxPayload + " expected (corrupted"
                    + " length)");
        }
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) next();
        }
        int crc = 0xFFFF;
        for (int h : header) {
            crc = Crc16.update(crc, h);
        }
        for (byte p : payload) {
            crc = Crc16.update(crc, p);
        }
        int got = next() | next() << 8;
        if (got != crc) {
            throw new ProtocolError(String.format(Locale.ROOT, "%s: corrupted frame %s seq %d: checksum 0x%04X, computed"
                    + " 0x%04X", source, Frame.typeName(header[0]), header[1], got, crc));
        }
        return new Frame(header[0], header[1], payload);
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException(source + ": the connection closed");
        }
        return b;
    }
}
