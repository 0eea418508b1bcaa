package dev.fgc.device;

import java.nio.file.Path;
import java.util.List;

/** arm-none-eabi-gcc with newlib: builds bare-metal images that print through semihosting. */
public final class ArmToolchain extends GccToolchain {
    /** The linker script every Cortex-M firmware carries beside its sources. */
    public static final String LINKER_SCRIPT = "fw_link.ld";

    public ArmToolchain(Board board, Provisioner provisioner) {
        super(board, provisioner, Tool.ARM_GCC, Tool.ARM_SIZE, Tool.ARM_NM, "-O2");
    }

    @Override
    public void link(Path dir, List<String> sources, String elf) {
        link(dir, sources, LINKER_SCRIPT, elf);
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
        List<String> cmd = compileCommand();
        cmd.addAll(List.of("--specs=nano.specs", semihosting ? "--specs=rdimon.specs" : "--specs=nosys.specs", "-T",
                linkerScript,
                "-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        cmd.add("-lm");
        compile(cmd, dir);
    }
}
