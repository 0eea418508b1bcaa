package dev.fgc.it;

import dev.fgc.hil.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.IntUnaryOperator;

/**
 * A man in the middle between fgc and an emulated UART: forwards bytes both ways and lets a test
 * change or drop the one at a chosen position of one direction, as line noise would. The position
 * counts from the first frame of a chosen type (its sync bytes A5 5A, then the type), because the
 * frames before it vary: a hello is sent again, with the next number, when a slow start leaves the
 * first unanswered (HilSession).
 */
final class CorruptingProxy implements AutoCloseable {
    /** What happens to the byte at {@code offset} (0-based) of the chosen frame. */
    enum Fault { FLIP, DROP }

    private final ServerSocket server;
    private final Thread thread;

    private CorruptingProxy(ServerSocket server, Thread thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Listens on a free loopback port and, for the first connection, relays to {@code targetPort};
     * {@code toDevice} chooses the direction in which byte {@code offset} of the first frame of type
     * {@code frameType} (0 its first sync byte) suffers {@code fault}.
     */
    static CorruptingProxy start(int targetPort, boolean toDevice, int frameType, int offset, Fault fault)
            throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket host = server.accept(); Socket device = connect(targetPort)) {
                Thread up = relay(host.getInputStream(), device.getOutputStream(), toDevice ? frameType : -1,
                        offset, fault);
                Thread down = relay(device.getInputStream(), host.getOutputStream(), toDevice ? -1 : frameType,
                        offset, fault);
                up.join();
                down.join();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }, "corrupting-proxy");
        t.setDaemon(true);
        t.start();
        return new CorruptingProxy(server, t);
    }

    String spec() {
        return "tcp:127.0.0.1:" + server.getLocalPort();
    }

    private static Socket connect(int port) throws IOException, InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (i > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Relays in to out, with the fault at {@code offset} of the first frame of {@code frameType} (-1: none). */
    private static Thread relay(InputStream in, OutputStream out, int frameType, int offset, Fault fault) {
        IntUnaryOperator corrupt = b -> fault == Fault.FLIP ? b ^ 0x10 : -1;
        Thread t = new Thread(() -> {
            long n = 0; // the current byte's number
            long target = -1; // the faulty byte's, once the frame's start is seen
            int last = -1;
            int beforeLast = -1;
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (target < 0 && frameType >= 0 && beforeLast == Frame.SYNC0 && last == Frame.SYNC1
                            && b == frameType) {
                        target = n - 2 + offset;
                    }
                    beforeLast = last;
                    last = b;
                    int sent = n++ == target ? corrupt.applyAsInt(b) : b;
                    if (sent >= 0) {
                        out.write(sent);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            }
        }, "corrupting-proxy-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(2000);
    }
}
