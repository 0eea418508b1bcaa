package dev.fgc.hil;

import java.util.Arrays;
import java.util.Locale;

/**
 * One frame of the hardware-in-the-loop protocol (docs/hil-protocol.md):
 * {@code A5 5A type seq len-lo len-hi payload… crc-lo crc-hi}, the CRC-16 covering type to payload.
 */
public record Frame(int type, int seq, byte[] payload) {
    public static final int SYNC0 = 0xA5;
    public static final int SYNC1 = 0x5A;
    /** Bytes of a frame besides its payload: sync (2), type, seq, length (2), CRC (2). */
    public static final int OVERHEAD = 8;

    /** Host to device: who are you (also restarts the sequence numbers). */
    public static final int HELLO = 'H';
    /** Device to host: protocol version, input width, features, classes, model fingerprint, name. */
    public static final int HELLO_REPLY = 'h';
    /** Host to device: one example's features. */
    public static final int INFER = 'I';
    /** Device to host: the predicted class and every score's 32 bits. */
    public static final int RESULT = 'r';
    /** Host to device: ask for the counters. */
    public static final int STATS = 'S';
    /** Device to host: stack high-water mark, frames accepted, frames rejected. */
    public static final int STATS_REPLY = 's';
    /** Device to host: a frame it rejected, with the reason (see {@link DeviceError}). */
    public static final int ERROR = 'E';

    public Frame {
        if (type < 0 || type > 0xFF || seq < 0 || seq > 0xFF || payload.length > 0xFFFF) {
            throw new IllegalArgumentException("frame field out of range");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] encode() {
        byte[] b = new byte[payload.length + OVERHEAD];
        b[0] = (byte) SYNC0;
        b[1] = (byte) SYNC1;
        b[2] = (byte) type;
        b[3] = (byte) seq;
        b[4] = (byte) payload.length;
        b[5] = (byte) (payload.length >>> 8);
        System.arraycopy(payload, 0, b, 6, payload.length);
        int crc = Crc16.of(b, 2, payload.length + 4);
        b[b.length - 2] = (byte) crc;
        b[b.length - 1] = (byte) (crc >>> 8);
        return b;
    }

    public static String typeName(int type) {
        return type >= 0x20 && type < 0x7F ? "'" + (char) type + "'" : String.format(Locale.ROOT, "0x%02X", type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.type == type && f.seq == seq && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return (type * 31 + seq) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "frame " + typeName(type) + " seq " + seq + " (" + payload.length + " bytes)";
    }
}
