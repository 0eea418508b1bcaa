package dev.fgc.device;

import dev.fgc.UserError;
import dev.fgc.emit.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * QEMU's instruction-counting TCG plugin, built from the project's own C source with the host
 * compiler on first use and cached by content hash (Debian ships no plugin binaries).
 */
public final class CountPlugin {
    private static final String SOURCE = "host/qemu_count_plugin.c";

    private CountPlugin() {
    }

    public static synchronized Path build(Provisioner provisioner, HostEnvironment env) {
        byte[] source = Resources.bytes(SOURCE);
        Path cache = env.cacheDir();
        Path lib = cache.resolve("qemu-count-" + hash(source) + ".so");
        if (Files.isRegularFile(lib)) {
            return lib;
        }
        Path gcc = provisioner.ensure(Tool.HOST_GCC, "QEMU's instruction-counting plugin");
        try {
            Files.createDirectories(cache);
            Path dir = Files.createTempDirectory(cache, "build-");
            try {
                Files.write(dir.resolve("count.c"), source);
                ProcessRunner.Result r = ProcessRunner.run(List.of(gcc.toString(), "-shared", "-fPIC", "-O2",
                        "-o", "libcount.so", "count.c"), dir, Duration.ofMinutes(2));
                if (r.exitCode() != 0) {
                    throw new UserError("building QEMU's counting plugin failed: " + r.output().strip());
                }
                Files.move(dir.resolve("libcount.so"), lib, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                dev.fgc.emit.GeneratedFiles.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UserError(cache + ": cannot build QEMU's counting plugin here (" + e.getMessage()
                    + "); set FGC_CACHE to a writable folder");
        }
        return lib;
    }

    private static String hash(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
