package dev.fgc.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.IntUnaryOperator;

/**
 * A man in the middle between fgc and an emulated UART: forwards bytes both ways and lets a test
 * change or drop the one at a chosen position of one direction, as line noise would.
 */
final class CorruptingProxy implements AutoCloseable {
    /** What happens to the byte at {@code position} (0-based) of the chosen direction. */
    enum Fault { FLIP, DROP }

    private final ServerSocket server;
    private final Thread thread;

    private CorruptingProxy(ServerSocket server, Thread thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Listens on a free loopback port and, for the first connection, relays to {@code targetPort};
     * {@code toDevice} chooses the direction whose byte number {@code position} suffers {@code fault}.
     */
    static CorruptingProxy start(int targetPort, boolean toDevice, long position, Fault fault) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket host = server.accept(); Socket device = connect(targetPort)) {
                Thread up = relay(host.getInputStream(), device.getOutputStream(),
                        toDevice ? position : -1, fault);
                Thread down = relay(device.getInputStream(), host.getOutputStream(),
                        toDevice ? -1 : position, fault);
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

    private static Thread relay(InputStream in, OutputStream out, long position, Fault fault) {
        IntUnaryOperator corrupt = b -> fault == Fault.FLIP ? b ^ 0x10 : -1;
        Thread t = new Thread(() -> {
            long n = 0;
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    int sent = n++ == position ? corrupt.applyAsInt(b) : b;
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
