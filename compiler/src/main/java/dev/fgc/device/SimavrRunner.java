package dev.fgc.device;

import dev.fgc.DeviceFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an AVR image in simavr, cycle by cycle, through fgc's own runner
 * ({@code host/simavr_run.c}, built against libsimavr on first use): the firmware's raw USART0
 * bytes, the status it leaves in GPIOR0 before it stops (cli, then sleep), and the exact cycles
 * between its writes to GPIOR1 and GPIOR2. Any AVR image runs; the verification firmware is one.
 */
public final class SimavrRunner implements FirmwareRunner {
    private static final HostProgram RUNNER = new HostProgram("host/simavr_run.c",
            List.of("host/simavr_start.h"), "simavr-run", "",
            List.of("-O2", "-I/usr/include/simavr"), List.of("-lsimavr"), "fgc's simavr runner");
    private static final Pattern REPORT = Pattern.compile(
            "fgc-simavr state=(\\w+) exit=(\\d+) cycles=(\\d+) intervals=(\\d+) counted=(\\d+)");
    private static final String RUNNER_LINE = "fgc-simavr: ";
    private final Board board;
    private final Path runner;

    public SimavrRunner(Board board, Provisioner provisioner, HostEnvironment env) {
        this.board = board;
        provisioner.ensure(Tool.forEmulator(board.emulator()), "board " + board.name());
        this.runner = RUNNER.build(provisioner, env);
    }

    /** The verification firmware's run; simavr needs no symbols (the markers are I/O writes). */
    @Override
    public DeviceRun run(Path elf, ElfSizes image, Duration timeout) {
        return run(elf, timeout);
    }

    /**
     * Runs any AVR image for at most {@code timeout} of the board's time (its clock times the
     * seconds) and of the host's.
     */
    public DeviceRun run(Path elf, Duration timeout) {
        long maxCycles = timeout.toSeconds() * board.clockHz();
        Path dir = elf.toAbsolutePath().getParent();
        ProcessRunner.Result r = ProcessRunner.run(List.of(runner.toString(), board.emulatorMachine(),
                Long.toString(board.clockHz()), Long.toString(maxCycles), elf.toAbsolutePath().toString()), dir, timeout);
        String where = elf + " on board " + board.name() + " under simavr (" + board.emulatorMachine() + ")";
        if (r.timedOut()) {
            throw new DeviceFailure(where + ": the firmware did not finish within " + timeout.toSeconds()
                    + " s (hung or too slow; raise --timeout)");
        }
        Matcher m = REPORT.matcher(r.stderr());
        if (!m.find()) {
            throw new DeviceFailure(where + ": the runner ended without its report (exit " + r.exitCode() + "): "
                    + r.stderr().strip());
        }
        String diagnostics = r.stderr().substring(0, m.start()).strip();
        String state = m.group(1);
        if (state.equals("limit")) {
            throw new DeviceFailure(where + ": the firmware did not finish within " + maxCycles + " cycles ("
                    + timeout.toSeconds() + " s at " + board.clockHz() / 1_000_000 + " MHz; hung? raise --timeout)");
        }
        Optional<String> failure = switch (state) {
            case "crashed" -> Optional.of("simavr stopped the processor after " + m.group(3) + " cycles ("
                    + cause(diagnostics) + ")");
            case "stack" -> Optional.of("the stack overflowed into .data/.bss after " + m.group(3) + " cycles ("
                    + cause(diagnostics) + ")");
            default -> Optional.empty();
        };
        return new DeviceRun(Integer.parseInt(m.group(2)), r.stdout(), diagnostics, failure,
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), DeviceRun.Unit.CYCLES);
    }

    /** The runner's own line on why it stopped when it wrote one, else all that simavr said; one line. */
    private static String cause(String diagnostics) {
        List<String> own = diagnostics.lines().filter(l -> l.startsWith(RUNNER_LINE))
                .map(l -> l.substring(RUNNER_LINE.length())).toList();
        return String.join("; ", own.isEmpty() ? diagnostics.lines().toList() : own);
    }
}
