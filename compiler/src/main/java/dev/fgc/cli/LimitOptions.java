package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.pack.FitCheck;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Memory budgets below the board's own. */
final class LimitOptions {
    @Option(names = "--max-flash", paramLabel = "BYTES", description = "flash the model's constants may take")
    Long maxFlash;

    @Option(names = "--max-ram", paramLabel = "BYTES", description = "RAM the model's state and scratch may take")
    Long maxRam;

    /** Fails when the build does not fit the board or these limits (pack.FitCheck). */
    void check(CodeOptions.Build build, Board board) {
        FitCheck.check(build.model().name(), build.sizes(), board, flash(), ram());
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
