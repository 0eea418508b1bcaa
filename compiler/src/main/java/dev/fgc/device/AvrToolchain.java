package dev.fgc.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** avr-gcc with avr-libc: its own start-up code and linker script for the board's MCU. */
public final class AvrToolchain implements Toolchain {
    private final Board board;
    private final Map<Tool, Path> tools;

    public AvrToolchain(Board board, Provisioner provisioner) {
        this.board = board;
        this.tools = provisioner.ensure(Tool.forToolchain(board.toolchain()), "board " + board.name());
    }

    @Override
    public List<String> compileCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.get(Tool.AVR_GCC).toString());
        cmd.addAll(board.cflags());
        cmd.addAll(STRICT_FLAGS);
        cmd.addAll(List.of("-Os", "-g0", "-ffunction-sections", "-fdata-sections", "-I."));
        return cmd;
    }

    @Override
    public void link(Path dir, List<String> sources, String elf) {
        List<String> cmd = compileCommand();
        cmd.addAll(List.of("-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        CompilerRun.run(cmd, dir, board);
    }

    @Override
    public ElfSizes sizes(Path elf) {
        return ElfSizes.read(tools.get(Tool.AVR_SIZE), tools.get(Tool.AVR_NM), elf);
    }
}
