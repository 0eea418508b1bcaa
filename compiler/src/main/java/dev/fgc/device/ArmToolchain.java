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
        link(dir, sources, elf, true);
    }

    /** Without semihosting: newlib's stubs instead, so the image runs with no debugger attached. */
    @Override
    public void linkStandalone(Path dir, List<String> sources, String elf) {
        link(dir, sources, elf, false);
    }

    private void link(Path dir, List<String> sources, String elf, boolean semihosting) {
        List<String> cmd = compileCommand();
        cmd.addAll(List.of("--specs=nano.specs", semihosting ? "--specs=rdimon.specs" : "--specs=nosys.specs", "-T",
                LINKER_SCRIPT, "-Wl,--gc-sections", "-o", elf));
        cmd.addAll(sources);
        cmd.add("-lm");
        compile(cmd, dir);
    }
}
