package dev.fgc.hil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's side of the protocol against scripted device replies: numbering, loss, rejection, timeouts. */
class HilSessionTest {
    private static final byte[] HELLO = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 1).put((byte) 4).putShort((short) 3).putShort((short) 2).putInt(0xCAFEF00D)
            .put(new byte[] {'m', 'o', 'd', 'l'}).array();

    @Test
    void numbersRequestsAndReadsResults() {
        Scripted link = new Scripted(new Frame(Frame.HELLO_REPLY, 0, HELLO), result(1, 1, 7, -7),
                result(2, 0, 5, 6), new Frame(Frame.STATS_REPLY, 3, new byte[12]));
        try (HilSession s = new HilSession(link, Duration.ofSeconds(1))) {
            HilSession.Hello h = s.hello();
            assertEquals(new HilSession.Hello(1, 4, 3, 2, 0xCAFEF00DL, "modl"), h);
            HilSession.Result r = s.infer(new byte[12], 2);
            assertEquals(1, r.predicted());
            assertArrayEquals(new int[] {7, -7}, r.bits());
            s.infer(new byte[12], 2);
            assertEquals(0, s.stats().rejected());
        }
        List<Frame> sent = link.sent();
        assertEquals(List.of(0, 1, 2, 3), sent.stream().map(Frame::seq).toList());
        assertEquals(List.of((int) 'H', (int) 'I', (int) 'I', (int) 'S'), sent.stream().map(Frame::type).toList());
    }

    @Test
    void replyToAnotherRequestMeansALostFrame() {
        String e = inferError(2, result(2, 1, 0, 0));
        assertTrue(e.contains("answers seq 2, expected seq 1 (a frame was lost or repeated)"), e);
    }

    @Test
    void deviceRejectionIsReportedWithItsReason() {
        String e = inferError(2, new Frame(Frame.ERROR, 1, new byte[] {1, 0}));
        assertTrue(e.endsWith("the device rejected frame seq 1: its checksum was wrong (corrupted on the line)"), e);
    }

    @Test
    void sequenceGapSaysWhatTheDeviceExpected() {
        String e = inferError(2, new Frame(Frame.ERROR, 1, new byte[] {4, 9}));
        assertTrue(e.contains("a frame was lost) (the device expected seq 9)"), e);
    }

    @Test
    void silenceIsALostFrame() {
        HilLink silent = new Scripted() {
            @Override
            public InputStream input() {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new SocketTimeoutException("Read timed out");
                    }
                };
            }
        };
        try (HilSession s = new HilSession(silent, Duration.ofSeconds(3))) {
            ProtocolError e = assertThrows(ProtocolError.class, s::hello);
            assertTrue(e.getMessage().contains("no reply to frame 'H' seq 5 within 3 s (the hello was sent 6 times)"),
                    e.getMessage());
        }
    }

    @Test
    void aHelloDroppedWhileTheBoardResetsIsSentAgainWithTheNextNumber() {
        Scripted link = new Scripted(1, new Frame(Frame.HELLO_REPLY, 1, HELLO), result(2, 1, 7, -7));
        try (HilSession s = new HilSession(link, Duration.ofSeconds(2))) {
            assertEquals("modl", s.hello().name());
            assertEquals(1, s.infer(new byte[12], 2).predicted());
        }
        assertEquals(List.of(0, 1, 2), link.sent().stream().map(Frame::seq).toList());
        assertEquals(List.of(HilSession.HELLO_RETRY, Duration.ofSeconds(2)), link.timeouts);
    }

    @Test
    void aLateReplyToAnEarlierHelloIsPassedOver() {
        Scripted link = new Scripted(2, new Frame(Frame.HELLO_REPLY, 0, HELLO), new Frame(Frame.HELLO_REPLY, 2, HELLO),
                result(3, 0, 1, 2));
        try (HilSession s = new HilSession(link, Duration.ofSeconds(2))) {
            s.hello();
            assertEquals(0, s.infer(new byte[12], 2).predicted());
        }
        assertEquals(List.of(0, 1, 2, 3), link.sent().stream().map(Frame::seq).toList());
    }

    @Test
    void resultOfTheWrongSizeIsRefused() {
        String e = inferError(3, result(1, 1, 0, 0));
        assertTrue(e.contains("has 10 bytes, expected 14"), e);
    }

    /** The message of the protocol error when the device greets, then answers the first request with {@code reply}. */
    private static String inferError(int classes, Frame reply) {
        Scripted link = new Scripted(new Frame(Frame.HELLO_REPLY, 0, HELLO), reply);
        try (HilSession s = new HilSession(link, Duration.ofSeconds(1))) {
            s.hello();
            return assertThrows(ProtocolError.class, () -> s.infer(new byte[12], classes)).getMessage();
        }
    }

    private static Frame result(int seq, int cls, int... bits) {
        ByteBuffer b = ByteBuffer.allocate(2 + 4 * bits.length).order(ByteOrder.LITTLE_ENDIAN).putShort((short) cls);
        for (int v : bits) {
            b.putInt(v);
        }
        return new Frame(Frame.RESULT, seq, b.array());
    }

    /**
     * A device that answers with the given frames, in order, whatever it is sent, after the first
     * {@code silentReads} reads time out.
     */
    private static class Scripted implements HilLink {
        private final InputStream in;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Duration> timeouts = new ArrayList<>();

        Scripted(Frame... replies) {
            this(0, replies);
        }

        Scripted(int silentReads, Frame... replies) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Frame f : replies) {
                b.writeBytes(f.encode());
            }
            ByteArrayInputStream script = new ByteArrayInputStream(b.toByteArray());
            in = new InputStream() {
                private int silent = silentReads;

                @Override
                public int read() throws IOException {
                    if (silent > 0) {
                        silent--;
                        throw new SocketTimeoutException("Read timed out");
                    }
                    return script.read();
                }
            };
        }

        List<Frame> sent() {
            FrameReader r = new FrameReader(new ByteArrayInputStream(out.toByteArray()), "sent", 1000);
            List<Frame> frames = new ArrayList<>();
            try {
                while (true) {
                    frames.add(r.read(false));
                }
            } catch (IOException end) {
                return frames;
            }
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void setReplyTimeout(Duration timeout) {
            timeouts.add(timeout);
        }

        @Override
        public void close() {
        }
    }
}
