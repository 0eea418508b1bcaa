package dev.fgc.hil;

import dev.fgc.UserError;
import java.time.Duration;

/**
 * Where the device is, as {@code --port} gives it: {@code tcp:HOST:PORT}, or a serial device with
 * an optional speed, {@code /dev/ttyACM0} or {@code /dev/ttyACM0@115200} (default 115200 baud).
 */
public record PortSpec(String text, String host, int port, String device, int baud) {
    public static final int DEFAULT_BAUD = 115200;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public static PortSpec parse(String text) {
        if (text.startsWith("tcp:")) {
            String rest = text.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon <= 0) {
                throw new UserError("--port " + text + ": expected tcp:HOST:PORT");
            }
            return new PortSpec(text, rest.substring(0, colon), number(text, rest.substring(colon + 1), 1, 65535),
                    null, 0);
        }
        if (text.isBlank()) {
            throw new UserError("--port: empty; give tcp:HOST:PORT or a serial device such as /dev/ttyACM0");
        }
        int at = text.lastIndexOf('@');
        return at < 0 ? new PortSpec(text, null, 0, text, DEFAULT_BAUD)
                : new PortSpec(text, null, 0, text.substring(0, at), number(text, text.substring(at + 1), 1, 10_000_000));
    }

    public boolean isTcp() {
        return host != null;
    }

    public HilLink open(Duration replyTimeout) {
        return isTcp() ? TcpLink.open(host, port, replyTimeout, CONNECT_TIMEOUT)
                : SerialLink.open(device, baud, replyTimeout);
    }

    private static int number(String spec, String digits, int min, int max) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--port " + spec + ": '" + digits + "' is not a number from " + min + " to " + max);
    }
}
