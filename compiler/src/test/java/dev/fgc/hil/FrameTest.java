package dev.fgc.hil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing and checksum of the hardware-in-the-loop protocol (docs/hil-protocol.md). */
class FrameTest {
    @Test
    void crcIsCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(check, 0, check.length));
        assertEquals(0xFFFF, Crc16.of(new byte[0], 0, 0));
    }

    @Test
    void encodesTheDocumentedLayout() {
        byte[] b = new Frame(Frame.INFER, 7, new byte[] {1, 2, 3}).encode();
        assertEquals(11, b.length);
        assertArrayEquals(new byte[] {(byte) 0xA5, 0x5A, 'I', 7, 3, 0, 1, 2, 3}, java.util.Arrays.copyOf(b, 9));
        int crc = Crc16.of(b, 2, 7);
        assertEquals(crc & 0xFF, b[9] & 0xFF);
        assertEquals(crc >>> 8, b[10] & 0xFF);
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        Frame f = new Frame(Frame.RESULT, 255, new byte[300]);
        assertEquals(f, reader(f.encode(), 400).read(false));
    }

    @Test
    void everySingleBitErrorIsDetected() throws IOException {
        byte[] good = new Frame(Frame.RESULT, 3, new byte[] {9, 8, 7, 6, 5, 4}).encode();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                FrameReader r = reader(bad, 64);
                try {
                    Frame f = r.read(false);
                    throw new AssertionError("byte " + i + " bit " + bit + " flipped, yet read " + f);
                } catch (ProtocolError | EOFException expected) {
                    // detected: a checksum, sync or length error, or a frame cut short
                }
            }
        }
    }

    @Test
    void corruptedPayloadNamesFrameAndChecksum() {
        byte[] b = new Frame(Frame.RESULT, 5, new byte[] {1, 2, 3, 4}).encode();
        b[7] ^= 0x40;
        ProtocolError e = assertThrows(ProtocolError.class, () -> reader(b, 64).read(false));
        assertTrue(e.getMessage().startsWith("test: corrupted frame 'r' seq 5: checksum 0x"), e.getMessage());
    }

    @Test
    void strayBytesBetweenFramesAreAnError() {
        byte[] f = new Frame(Frame.RESULT, 1, new byte[2]).encode();
        byte[] withNoise = concat(new byte[] {0x00}, f);
        ProtocolError e = assertThrows(ProtocolError.class, () -> reader(withNoise, 64).read(false));
        assertTrue(e.getMessage().contains("byte(s) outside any frame"), e.getMessage());
    }

    @Test
    void resynchronisesOnNoiseBeforeTheFirstReply() throws IOException {
        Frame f = new Frame(Frame.HELLO_REPLY, 0, "usps".getBytes(StandardCharsets.US_ASCII));
        byte[] noise = {'b', 'o', 'o', 't', '\n', (byte) 0xA5, 0x00, (byte) 0xA5, (byte) 0xA5};
        assertEquals(f, reader(concat(noise, f.encode()), 64).read(true));
    }

    @Test
    void lengthBeyondTheLimitIsACorruption() {
        byte[] b = new Frame(Frame.RESULT, 1, new byte[100]).encode();
        ProtocolError e = assertThrows(ProtocolError.class, () -> reader(b, 50).read(false));
        assertTrue(e.getMessage().contains("announces 100 bytes, more than the 50 expected"), e.getMessage());
    }

    private static FrameReader reader(byte[] b, int max) {
        return new FrameReader(new ByteArrayInputStream(b), "test", max);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
