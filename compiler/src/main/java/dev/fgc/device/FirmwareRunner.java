package dev.fgc.device;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a verification image and returns what it printed, how it ended and the work counted
 * between its markers. The firmware marks each measured stretch: on Cortex-M by calling
 * {@link #MARK_BEGIN} and {@link #MARK_END}, on AVR by writing GPIOR1 and GPIOR2.
 */
public interface FirmwareRunner {
    String MARK_BEGIN = "fw_mark_begin";
    String MARK_END = "fw_mark_end";

    /**
     * @param image the image's symbols (a runner that watches marker functions finds them here)
     * @throws dev.fgc.DeviceFailure when the run does not finish within {@code timeout}
     */
    DeviceRun run(Path elf, ElfSizes image, Duration timeout);

    /** The runner a board names ({@code emulator=} in its descriptor). */
    static FirmwareRunner forBoard(Board board, Provisioner provisioner, HostEnvironment env) {
        return switch (board.emulator()) {
            case "qemu-system-arm" -> new QemuEmulator(board, provisioner, env);
            case "simavr" -> new SimavrRunner(board, provisioner, env);
            default -> throw new IllegalArgumentException("board " + board.name() + ": unknown emulator "
                    + board.emulator());
        };
    }
}
