package dev.fgc.device;

import dev.fgc.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** arm-none-eabi-gcc with newlib: builds bare-metal images that print through semihosting. */
public final class ArmToolchain {
    /** The warning flags every generated file must pass, as the product promises. */
    public static final List<String> STRICT_FLAGS = List.of("-std=c99", "-Wall", "-Wextra", "-Werror");
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(5);
    private final Board board;
    private final Map<Tool, Path> tools;

    public ArmToolchain(Board board, Provisioner provisioner) {
        this.board = board;
        this.tools = provisioner.ensure(Tool.forToolchain(board.toolchain()), "board " + board.name());
    }

    public Path nm() {
        return tools.get(Tool.ARM_NM);
    }

    public Path size() {
        return tools.get(Tool.ARM_SIZE);
    }

    /** Compiles and links {@code sources} (relative to {@code dir}) into {@code elf} with the given script. */
    public void link(Path dir, List<String> sources, String linkerScript, String elf) {
        link(dir, sources, linkerScript, elf, true);
    }

    /**
     * As {@link #link(Path, List, String, String)}; without semihosting the image links newlib's
     * stubs instead, so it runs on a board with no debugger attached.
     */
    public void link(Path dir, List<String> sources, String linkerScript, String elf, boolean semihosting) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.get(Tool.ARM_GCC).toString());
        cmd.addAll(board.cflags());
        cmd.addAll(STRICT_FLAGS);
        cmd.addAll(List.of("-O2", "-g0", "-ffunction-sections", "-fdata-sections", "-I."));
        cmd.addAll(List.of("--specs=nano.specs", semihosting ? "--specs=rdimon.specs" : "--specs=nosys.specs", "-T",
                linkerScript,
                "-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        cmd.add("-lm");
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, COMPILE_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new UserError("arm-none-eabi-gcc failed for board " + board.name() + " (exit " + r.exitCode()
                    + ") in " + dir + ":\n" + Provisioner.tail(r.output(), 4000));
        }
    }
}
