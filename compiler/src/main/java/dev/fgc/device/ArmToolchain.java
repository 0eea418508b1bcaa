package dev.fgc.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** arm-none-eabi-gcc with newlib: builds bare-metal images that print through semihosting. */
public final class ArmToolchain implements Toolchain {
    /** The linker script every Cortex-M firmware carries beside its sources. */
    public static final String LINKER_SCRIPT = "fw_link.ld";
    private final Board board;
    private final Map<Tool, Path> tools;

    public ArmToolchain(Board board, Provisioner provisioner) {
        this.board = board;
        this.tools = provisioner.ensure(Tool.forToolchain(board.toolchain()), "board " + board.name());
    }

    @Override
    public List<String> compileCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.get(Tool.ARM_GCC).toString());
        cmd.addAll(board.cflags());
        cmd.addAll(STRICT_FLAGS);
        cmd.addAll(List.of("-O2", "-g0", "-ffunction-sections", "-fdata-sections", "-I."));
        return cmd;
    }

    @Override
    public void link(Path dir, List<String> sources, String elf) {
        link(dir, sources, LINKER_SCRIPT, elf);
    }

    /** Compiles and links {@code sources} (relative to {@code dir}) into {@code elf} with the given script. */
    public void link(Path dir, List<String> sources, String linkerScript, String elf) {
        List<String> cmd = compileCommand();
        cmd.addAll(List.of("--specs=nano.specs", "--specs=rdimon.specs", "-T", linkerScript,
                "-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        cmd.add("-lm");
        CompilerRun.run(cmd, dir, board);
    }

    @Override
    public ElfSizes sizes(Path elf) {
        return ElfSizes.read(tools.get(Tool.ARM_SIZE), tools.get(Tool.ARM_NM), elf);
    }
}
