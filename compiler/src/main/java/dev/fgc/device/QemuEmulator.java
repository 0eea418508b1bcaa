package dev.fgc.device;

import dev.fgc.DeviceFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Cortex-M image under qemu-system-arm with semihosting (stdout and exit code) and the
 * counting plugin, which counts the instructions between the firmware's two marker functions.
 */
public final class QemuEmulator implements FirmwareRunner {
    /** The status the Cortex-M start-up code exits with on any fault. */
    public static final int FAULT_EXIT = 99;
    /** What the start-up code's fault handler prints when SP ran past the stack's limit. */
    public static final String STACK_OVERFLOW = "fgc: fault: stack overflow";
    private static final Pattern COUNT = Pattern.compile("fgc-count intervals=(\\d+) instructions=(\\d+)");
    private final Board board;
    private final Path qemu;
    private final Path plugin;

    /** One run: exit code, semihosting output, and the instructions counted between the markers. */
    public record Run(int exitCode, String stdout, String stderr, long intervals, long instructions) {
    }

    public QemuEmulator(Board board, Provisioner provisioner, HostEnvironment env) {
        this.board = board;
        this.qemu = provisioner.ensure(Tool.forEmulator(board.emulator()), "board " + board.name()).get(Tool.QEMU_ARM);
        this.plugin = CountPlugin.build(provisioner, env);
    }

    @Override
    public DeviceRun run(Path elf, ElfSizes image, Duration timeout) {
        Run r = run(elf, image.address(MARK_BEGIN), image.address(MARK_END), timeout);
        Optional<String> failure = r.exitCode() != FAULT_EXIT ? Optional.empty()
                : Optional.of((r.stderr().contains(STACK_OVERFLOW) ? "the firmware overran its " + board.stackSize()
                        + "-byte stack" : "the processor faulted") + " (" + r.stderr().strip() + ")");
        return new DeviceRun(r.exitCode(), r.stdout(), r.stderr().strip(), failure, r.intervals(), r.instructions(),
                DeviceRun.Unit.INSTRUCTIONS);
    }

    public Run run(Path elf, long beginMarker, long endMarker, Duration timeout) {
        Path dir = elf.toAbsolutePath().getParent();
        Path countFile = dir.resolve(elf.getFileName() + ".count.txt");
        List<String> cmd = List.of(qemu.toString(), "-M", board.emulatorMachine(), "-nographic", "-monitor", "none",
                "-semihosting-config", "enable=on,target=native", "-kernel", elf.toString(),
                "-plugin", plugin + ",begin=0x" + Long.toHexString(beginMarker) + ",end=0x"
                        + Long.toHexString(endMarker),
                "-d", "plugin", "-D", countFile.toString());
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, timeout);
        if (r.timedOut()) {
            throw new DeviceFailure(elf + ": the firmware did not finish within " + timeout.toSeconds() + " s on board "
                    + board.name() + " under qemu-system-arm -M " + board.emulatorMachine()
                    + " (hung or too slow; raise --timeout)");
        }
        long[] count = readCount(countFile);
        return new Run(r.exitCode(), r.stdout(), r.stderr(), count[0], count[1]);
    }

    private static long[] readCount(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            Matcher m = COUNT.matcher(text);
            return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : new long[] {0, 0};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
