package dev.fgc.verify;

import dev.fgc.DeviceFailure;
import dev.fgc.device.Board;
import dev.fgc.device.DeviceRun;
import java.nio.file.Path;

/**
 * Whether one firmware run delivered every example's results; if not, the one-line failure that
 * names the board and the cause (a fault, a stack overflow, a crash, an early stop).
 */
public final class RunCheck {
    private RunCheck() {
    }

    /**
     * @throws DeviceFailure unless the run ended by itself with status 0 after printing {@code examples}
     *                       results and its DONE line
     */
    public static void check(DeviceRun run, int examples, Board board, int classes, Path elf) {
        results(run, examples, board, classes, elf);
    }

    static FirmwareOutput results(DeviceRun run, int examples, Board board, int classes, Path elf) {
        FirmwareOutput out = FirmwareOutput.parse(run.output(), classes);
        if (run.failure().isEmpty() && run.exitCode() == 0 && out.complete() && out.results().size() == examples) {
            return out;
        }
        String why = run.failure().orElseGet(() -> "exit code " + run.exitCode()
                + (run.diagnostics().isBlank() ? "" : ": " + run.diagnostics()));
        // an emulator's diagnostics may span lines; the message stays one
        throw new DeviceFailure(elf + ": the firmware stopped after " + out.results().size() + " of "
                + examples + " examples on board " + board.name() + ": " + why.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}
