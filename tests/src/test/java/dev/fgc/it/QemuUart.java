package dev.fgc.it;

import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A board's hardware-in-the-loop firmware running in QEMU, its UART served on a loopback TCP port
 * (QEMU listens; fgc connects), as a real board's USB serial port would be.
 */
final class QemuUart implements AutoCloseable {
    private final Process qemu;
    private final int port;

    private QemuUart(Process qemu, int port) {
        this.qemu = qemu;
        this.port = port;
    }

    static QemuUart start(String board, Path elf) throws IOException {
        Path exe = new Provisioner(HostEnvironment.current(), System.err).ensure(Tool.QEMU_ARM, "HIL test");
        int port = freePort();
        String machine = BoardCatalog.load().byName(board).emulatorMachine();
        Process p = new ProcessBuilder(List.of(exe.toString(), "-M", machine, "-nographic", "-monitor", "none",
                "-semihosting-config", "enable=on,target=native",
                "-serial", "tcp:127.0.0.1:" + port + ",server=on,wait=off", "-kernel", elf.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new QemuUart(p, port);
    }

    int port() {
        return port;
    }

    String spec() {
        return "tcp:127.0.0.1:" + port;
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
