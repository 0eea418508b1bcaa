package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.pack.FitCheck;
import dev.fgc.quantize.Precision;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Memory budgets below the board's own. */
final class LimitOptions {
    @Option(names = "--max-flash", paramLabel = "BYTES", description = "flash the model's constants may take")
    Long maxFlash;

    @Option(names = "--max-ram", paramLabel = "BYTES", description = "RAM the model's state and scratch may take")
    Long maxRam;

    /** Fails when the board cannot run the build's precision, or it does not fit the board or these limits. */
    void check(CodeOptions.Build build, Board board) {
        if (!runs(board, build.compiled().precision())) {
            throw new UserError("board " + board.name() + " runs fixed-point models only (its constants are read"
                    + " from flash by the fixed-point kernels): use --precision int8, int16 or auto");
        }
        FitCheck.check(build.model().name(), build.sizes(), board, flash(), ram());
    }

    /** Whether fgc builds models of this precision for the board (AVR boards: fixed point only). */
    static boolean runs(Board board, Precision precision) {
        return precision.isFixedPoint() || board.floatSupported();
    }

    OptionalLong flash() {
        return positive("--max-flash", maxFlash);
    }

    OptionalLong ram() {
        return positive("--max-ram", maxRam);
    }

    private static OptionalLong positive(String option, Long v) {
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v <= 0) {
            throw new UserError(option + " " + v + ": must be a positive number of bytes");
        }
        return OptionalLong.of(v);
    }
}
