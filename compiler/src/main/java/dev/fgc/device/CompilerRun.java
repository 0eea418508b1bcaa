package dev.fgc.device;

import dev.fgc.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs a cross-compiler and turns its failure into one message naming the board and folder. */
final class CompilerRun {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private CompilerRun() {
    }

    static void run(List<String> cmd, Path dir, Board board) {
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, TIMEOUT);
        if (r.exitCode() != 0) {
            String tool = Path.of(cmd.get(0)).getFileName().toString();
            throw new UserError(tool + " failed for board " + board.name() + " (exit " + r.exitCode() + ") in " + dir
                    + ":\n" + Provisioner.tail(r.output(), 4000));
        }
    }
}
