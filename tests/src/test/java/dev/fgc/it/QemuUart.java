package dev.fgc.it;

import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A board's hardware-in-the-loop firmware running in QEMU, its UART served on a loopback TCP port
 * (QEMU listens; fgc connects) or on a pseudo-terminal, which fgc opens as it would a real board's
 * USB serial port.
 */
final class QemuUart implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("char device redirected to (/dev/pts/\\d+)");
    private final Process qemu;
    private final int port;
    private final String spec;

    private QemuUart(Process qemu, int port, String spec) {
        this.qemu = qemu;
        this.port = port;
        this.spec = spec;
    }

    /** The UART on a loopback TCP port. */
    static QemuUart start(String board, Path elf) throws IOException {
        int port = freePort();
        Process p = qemu(board, elf, "tcp:127.0.0.1:" + port + ",server=on,wait=off", ProcessBuilder.Redirect.DISCARD);
        return new QemuUart(p, port, "tcp:127.0.0.1:" + port);
    }

    /** The UART on a pseudo-terminal, whose name QEMU prints when it starts. */
    static QemuUart startPty(String board, Path elf, Path log) throws IOException, InterruptedException {
        Process p = qemu(board, elf, "pty", ProcessBuilder.Redirect.to(log.toFile()));
        for (int i = 0; i < 100; i++) {
            Matcher m = PTY.matcher(Files.readString(log));
            if (m.find()) {
                return new QemuUart(p, -1, m.group(1));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("QEMU named no pseudo-terminal: " + Files.readString(log));
    }

    private static Process qemu(String board, Path elf, String serial, ProcessBuilder.Redirect output)
            throws IOException {
        Path exe = new Provisioner(HostEnvironment.current(), System.err).ensure(Tool.QEMU_ARM, "HIL test");
        String machine = BoardCatalog.load().byName(board).emulatorMachine();
        return new ProcessBuilder(List.of(exe.toString(), "-M", machine, "-nographic", "-monitor", "none",
                "-semihosting-config", "enable=on,target=native", "-serial", serial, "-kernel", elf.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(output)
                .redirectErrorStream(true)
                .start();
    }

    int port() {
        return port;
    }

    /** What to give fgc verify --port. */
    String spec() {
        return spec;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        qemu.destroy();
        if (!qemu.waitFor(5, TimeUnit.SECONDS)) {
            qemu.destroyForcibly();
        }
    }
}
