package dev.fgc.hil;

import dev.fgc.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP connection to a serial line: an emulator's UART served on a socket (QEMU's
 * {@code -serial tcp:HOST:PORT,server=on}) or a serial-to-network bridge. Connecting retries until
 * the deadline, since an emulator started just before may not listen yet.
 */
final class TcpLink implements HilLink {
    private final Socket socket;
    private final String name;

    private TcpLink(Socket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    static TcpLink open(String host, int port, Duration replyTimeout, Duration connectTimeout) {
        String name = "tcp:" + host + ":" + port;
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
                s.setTcpNoDelay(true);
                s.setSoTimeout((int) Math.max(1, replyTimeout.toMillis()));
                return new TcpLink(s, name);
            } catch (ConnectException e) {
                closeQuietly(s);
                if (System.nanoTime() > deadline) {
                    throw new UserError(name + ": nothing accepts connections there (" + e.getMessage() + ")");
                }
                sleep();
            } catch (IOException e) {
                closeQuietly(s);
                throw new UserError(name + ": cannot connect (" + e.getMessage() + ")");
            }
        }
    }

    @Override
    public void setReplyTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            throw new UserError(name + ": cannot set the reply timeout (" + e.getMessage() + ")");
        }
    }

    @Override
    public InputStream input() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    @Override
    public OutputStream output() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new UserError(name + ": cannot write (" + e.getMessage() + ")");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing was connected
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while connecting");
        }
    }
}
