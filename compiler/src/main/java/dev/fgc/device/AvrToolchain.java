package dev.fgc.device;

import java.nio.file.Path;
import java.util.List;

/** avr-gcc with avr-libc: its own start-up code and linker script for the board's MCU. */
public final class AvrToolchain extends GccToolchain {

    public AvrToolchain(Board board, Provisioner provisioner) {
        super(board, provisioner, Tool.AVR_GCC, Tool.AVR_SIZE, Tool.AVR_NM, "-Os");
    }

    @Override
    public void link(Path dir, List<String> sources, String elf) {
        List<String> cmd = compileCommand();
        cmd.addAll(List.of("-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        compile(cmd, dir);
    }
}
