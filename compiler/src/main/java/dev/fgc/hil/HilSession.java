package dev.fgc.hil;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The host's side of the hardware-in-the-loop protocol over one link: every request carries the
 * next sequence number and must be answered by exactly one frame of the expected type with the
 * same number. Anything else — a corrupted frame, a reply to another request, an ERROR frame, no
 * reply in time — ends the session with a {@link ProtocolError} naming the frame.
 */
public final class HilSession implements AutoCloseable {
    public static final int VERSION = 1;
    /**
     * How long a hello waits before it is sent again, with the next number, until the reply
     * timeout has passed: a board that resets when its port is opened (an Arduino's DTR) may still
     * be in its bootloader, which drops the first one.
     */
    static final Duration HELLO_RETRY = Duration.ofMillis(500);
    private final HilLink link;
    private final OutputStream out;
    private final Duration timeout;
    private FrameReader reader;
    private int seq;
    private boolean greeted;

    /** What the device's firmware says about itself. */
    public record Hello(int version, int inputBytes, int features, int classes, long fingerprint, String name) {
    }

    /** One example as the device computed it: its class and each score's raw 32 bits. */
    public record Result(int predicted, int[] bits) {
    }

    /** The device's counters: stack high-water mark, frames it accepted and rejected. */
    public record Stats(long stackPeak, long accepted, long rejected) {
    }

    /** Takes the link over: it is closed with the session, or at once if the session cannot start. */
    public HilSession(HilLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
        try {
            this.out = link.output();
            this.reader = new FrameReader(link.input(), link.name(), 0xFFFF);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the numbering again at 0 and reads the device's description. */
    public Hello hello() {
        seq = 0;
        ByteBuffer p = greet();
        if (p.remaining() < 10) {
            throw new ProtocolError(link.name() + ": the device's hello is " + p.remaining() + " bytes, too short");
        }
        int version = p.get() & 0xFF;
        int inputBytes = p.get() & 0xFF;
        int features = p.getShort() & 0xFFFF;
        int classes = p.getShort() & 0xFFFF;
        long fingerprint = p.getInt() & 0xFFFFFFFFL;
        byte[] name = new byte[p.remaining()];
        p.get(name);
        greeted = true;
        reader = new FrameReader(link.input(), link.name(), Math.max(64, Math.max(2 + 4 * classes, 16 + name.length)));
        return new Hello(version, inputBytes, features, classes, fingerprint,
                new String(name, StandardCharsets.US_ASCII));
    }

    /** Sends one example's features (already in the device's format) and returns its scores. */
    public Result infer(byte[] features, int classes) {
        ByteBuffer p = exchange(Frame.INFER, features, Frame.RESULT);
        if (p.remaining() != 2 + 4 * classes) {
            throw new ProtocolError(link.name() + ": result of frame seq " + lastSeq() + " has " + p.remaining()
                    + " bytes, expected " + (2 + 4 * classes));
        }
        int predicted = p.getShort() & 0xFFFF;
        int[] bits = new int[classes];
        for (int c = 0; c < classes; c++) {
            bits[c] = p.getInt();
        }
        return new Result(predicted, bits);
    }

    public Stats stats() {
        ByteBuffer p = exchange(Frame.STATS, new byte[0], Frame.STATS_REPLY);
        if (p.remaining() != 12) {
            throw new ProtocolError(link.name() + ": the device's counters are " + p.remaining()
                    + " bytes, expected 12");
        }
        return new Stats(p.getInt() & 0xFFFFFFFFL, p.getInt() & 0xFFFFFFFFL, p.getInt() & 0xFFFFFFFFL);
    }

    /**
     * Hellos, each with the next number, every {@link #HELLO_RETRY} until one is answered or the
     * reply timeout is spent; a late reply to an earlier hello is passed over (the device expects
     * the number after the hello it answered last, so the session goes on from the newest).
     */
    private ByteBuffer greet() {
        long attempts = Math.max(1, timeout.toMillis() / HELLO_RETRY.toMillis());
        link.setReplyTimeout(attempts > 1 ? HELLO_RETRY : timeout);
        try {
            for (long attempt = 1; ; attempt++) {
                int sent = send(Frame.HELLO, new byte[0]);
                try {
                    Frame reply;
                    do {
                        reply = receive(sent);
                    } while (reply.type() == Frame.HELLO_REPLY && reply.seq() != sent);
                    return check(reply, sent, Frame.HELLO_REPLY);
                } catch (InterruptedIOException e) {
                    if (attempt >= attempts) {
                        throw noReply(Frame.HELLO, sent, attempts > 1 ? " (the hello was sent " + attempts
                                + " times)" : "");
                    }
                }
            }
        } finally {
            link.setReplyTimeout(timeout);
        }
    }

    private ByteBuffer exchange(int type, byte[] payload, int replyType) {
        int sent = send(type, payload);
        try {
            return check(receive(sent), sent, replyType);
        } catch (InterruptedIOException e) {
            throw noReply(type, sent, "");
        }
    }

    /** Sends a request with the next sequence number, which it returns. */
    private int send(int type, byte[] payload) {
        int sent = seq;
        seq = (seq + 1) & 0xFF;
        try {
            out.write(new Frame(type, sent, payload).encode());
            out.flush();
        } catch (IOException e) {
            throw new ProtocolError(link.name() + ": " + e.getMessage());
        }
        return sent;
    }

    /** The next frame from the device; a read that times out is left to the caller. */
    private Frame receive(int sent) throws InterruptedIOException {
        try {
            return reader.read(!greeted);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (EOFException e) {
            throw new ProtocolError(e.getMessage() + " while waiting for the reply to frame seq " + sent);
        } catch (IOException e) {
            throw new ProtocolError(link.name() + ": " + e.getMessage());
        }
    }

    private ProtocolError noReply(int type, int sent, String detail) {
        return new ProtocolError(link.name() + ": no reply to frame " + Frame.typeName(type) + " seq " + sent
                + " within " + timeout.toSeconds() + " s" + detail + " (frame lost, or the device is not running"
                + " fgc's hardware-in-the-loop firmware)");
    }

    /** The reply's payload, once it is the expected type answering request {@code sent}. */
    private ByteBuffer check(Frame reply, int sent, int replyType) {
        if (reply.type() == Frame.ERROR) {
            byte[] why = reply.payload();
            int code = why.length > 0 ? why[0] & 0xFF : 0;
            String detail = code == DeviceError.SEQUENCE.code() && why.length > 1
                    ? " (the device expected seq " + (why[1] & 0xFF) + ")" : "";
            throw new ProtocolError(link.name() + ": the device rejected frame seq " + reply.seq() + ": "
                    + DeviceError.describe(code) + detail);
        }
        if (reply.seq() != sent) {
            throw new ProtocolError(link.name() + ": reply " + reply + " answers seq " + reply.seq()
                    + ", expected seq " + sent + " (a frame was lost or repeated)");
        }
        if (reply.type() != replyType) {
            throw new ProtocolError(link.name() + ": expected frame " + Frame.typeName(replyType) + " seq " + sent
                    + ", got " + reply);
        }
        return ByteBuffer.wrap(reply.payload()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int lastSeq() {
        return (seq - 1) & 0xFF;
    }

    @Override
    public void close() {
        try {
            link.close();
        } catch (IOException e) {
            // the session is over either way
        }
    }
}
