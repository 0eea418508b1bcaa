package dev.fgc.device;

import java.nio.file.Path;
import java.util.List;

/**
 * QEMU's instruction-counting TCG plugin, built from the project's own C source with the host
 * compiler on first use and cached (Debian ships no plugin binaries).
 */
public final class CountPlugin {
    private static final HostProgram PLUGIN = new HostProgram("host/qemu_count_plugin.c", List.of(),
            "qemu-count", ".so", List.of("-shared", "-fPIC", "-O2"), List.of(), "QEMU's instruction-counting plugin");

    private CountPlugin() {
    }

    public static Path build(Provisioner provisioner, HostEnvironment env) {
        return PLUGIN.build(provisioner, env);
    }
}
