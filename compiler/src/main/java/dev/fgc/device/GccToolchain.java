package dev.fgc.device;

import dev.fgc.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GCC cross-toolchain as a board names it: its compiler with the board's flags, the strict
 * warnings and an optimisation level, and its size and nm to measure images. Subclasses link.
 */
abstract class GccToolchain implements Toolchain {
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(5);
    private final Board board;
    private final Map<Tool, Path> tools;
    private final Tool gcc;
    private final Tool size;
    private final Tool nm;
    private final String optimisation;

    GccToolchain(Board board, Provisioner provisioner, Tool gcc, Tool size, Tool nm, String optimisation) {
        this.board = board;
        this.tools = provisioner.ensure(Tool.forToolchain(board.toolchain()), "board " + board.name());
        this.gcc = gcc;
        this.size = size;
        this.nm = nm;
        this.optimisation = optimisation;
    }

    @Override
    public List<String> compileCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.get(gcc).toString());
        cmd.addAll(board.cflags());
        cmd.addAll(STRICT_FLAGS);
        cmd.addAll(List.of(optimisation, "-g0", "-ffunction-sections", "-fdata-sections", "-I."));
        return cmd;
    }

    @Override
    public ElfSizes sizes(Path elf) {
        return ElfSizes.read(tools.get(size), tools.get(nm), elf);
    }

    /** Runs the compiler; a failure is one message naming the board and the folder. */
    void compile(List<String> cmd, Path dir) {
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, COMPILE_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new UserError(gcc.command() + " failed for board " + board.name() + " (exit " + r.exitCode()
                    + ") in " + dir + ":\n" + Provisioner.tail(r.output(), 4000));
        }
    }
}
