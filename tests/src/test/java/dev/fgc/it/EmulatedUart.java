package dev.fgc.it;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import dev.fgc.emit.Resources;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A board's hardware-in-the-loop firmware running in its emulator, the UART served on a loopback
 * TCP port (the emulator listens; fgc connects): QEMU's own {@code -serial tcp:…} for Cortex-M,
 * a small libsimavr program (test resource hil/simavr_uart_tcp.c) for AVR. QEMU can also serve it
 * on a pseudo-terminal, which fgc opens as it would a real board's USB serial port.
 */
final class EmulatedUart implements AutoCloseable {
    private static Path simavrBridge;
    private static final Pattern PTY = Pattern.compile("char device redirected to (/dev/pts/\\d+)");
    private final Process qemu;
    private final int port;
    private final String spec;

    private EmulatedUart(Process qemu, int port, String spec) {
        this.qemu = qemu;
        this.port = port;
        this.spec = spec;
    }

    /** The UART on a loopback TCP port. */
    static EmulatedUart start(String board, Path elf) throws IOException, InterruptedException {
        Board b = BoardCatalog.load().byName(board);
        return b.emulator().equals("simavr") ? simavr(b, elf) : qemu(board, elf);
    }

    private static EmulatedUart simavr(Board board, Path elf) throws IOException, InterruptedException {
        int port = freePort();
        Process p = new ProcessBuilder(List.of(simavrBridge().toString(), board.emulatorMachine(),
                Long.toString(board.clockHz()), Integer.toString(port), elf.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        // it listens before it prints this, so fgc's connection cannot come too early
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line = out.readLine();
        while (line != null && !line.equals("listening")) {
            line = out.readLine();
        }
        if (line == null) {
            throw new IOException("simavr_uart_tcp ended before listening (exit " + p.waitFor() + ")");
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the simulation ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new EmulatedUart(p, port, "tcp:127.0.0.1:" + port);
    }

    private static synchronized Path simavrBridge() throws IOException, InterruptedException {
        if (simavrBridge == null) {
            Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
            provisioner.ensure(Tool.forEmulator("simavr"), "HIL test");
            Path gcc = provisioner.ensure(Tool.HOST_GCC, "HIL test");
            Path dir = Files.createTempDirectory("fgc-simavr-uart-");
            try (java.io.InputStream in = EmulatedUart.class.getResourceAsStream("/hil/simavr_uart_tcp.c")) {
                Files.copy(in, dir.resolve("bridge.c"));
            }
            Files.write(dir.resolve("simavr_start.h"), Resources.bytes("host/simavr_start.h"));
            Process cc = new ProcessBuilder(List.of(gcc.toString(), "-O2", "-I/usr/include/simavr", "-o", "bridge",
                    "bridge.c", "-lsimavr")).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(cc.getInputStream().readAllBytes());
            if (cc.waitFor() != 0) {
                throw new IOException("building simavr_uart_tcp failed: " + out);
            }
            simavrBridge = dir.resolve("bridge");
        }
        return simavrBridge;
    }

    private static EmulatedUart qemu(String board, Path elf) throws IOException {
        int port = freePort();
        Process p = qemuProcess(board, elf, "tcp:127.0.0.1:" + port + ",server=on,wait=off", ProcessBuilder.Redirect.DISCARD);
        return new EmulatedUart(p, port, "tcp:127.0.0.1:" + port);
    }

    /** The UART on a pseudo-terminal, whose name QEMU prints when it starts. */
    static EmulatedUart startPty(String board, Path elf, Path log) throws IOException, InterruptedException {
        Process p = qemuProcess(board, elf, "pty", ProcessBuilder.Redirect.to(log.toFile()));
        for (int i = 0; i < 100; i++) {
            Matcher m = PTY.matcher(Files.readString(log));
            if (m.find()) {
                return new EmulatedUart(p, -1, m.group(1));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("QEMU named no pseudo-terminal: " + Files.readString(log));
    }

    private static Process qemuProcess(String board, Path elf, String serial, ProcessBuilder.Redirect output)
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
