package dev.fgc.device;

import dev.fgc.UserError;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A helper fgc builds from its own C source with the host compiler on first use (QEMU's counting
 * plugin, the simavr runner), cached under {@code FGC_CACHE} by the hash of its source and flags.
 *
 * @param source resource under {@code fgc/}
 * @param headers resources under {@code fgc/} the source includes, written beside it by file name
 * @param name   cache file name before the hash
 * @param suffix cache file name after the hash (".so" for a library, "" for a program)
 * @param flags  compiler flags before the source
 * @param libs   linker arguments after it
 * @param what   what it is, for messages
 */
record HostProgram(String source, List<String> headers, String name, String suffix, List<String> flags, List<String> libs, String what) {

    Path build(Provisioner provisioner, HostEnvironment env) {
        synchronized (HostProgram.class) {
            byte[] code = Resources.bytes(source);
            Path cache = env.cacheDir();
            Path out = cache.resolve(name + "-" + hash(code) + suffix);
            if (Files.isRegularFile(out)) {
                return out;
            }
            Path gcc = provisioner.ensure(Tool.HOST_GCC, what);
            try {
                Files.createDirectories(cache);
                Path dir = Files.createTempDirectory(cache, "build-");
                try {
                    Files.write(dir.resolve("main.c"), code);
                    for (String h : headers) {
                        Files.write(dir.resolve(Path.of(h).getFileName().toString()), Resources.bytes(h));
                    }
                    List<String> cmd = new ArrayList<>(List.of(gcc.toString()));
                    cmd.addAll(flags);
                    cmd.addAll(List.of("-o", "out", "main.c"));
                    cmd.addAll(libs);
                    ProcessRunner.Result r = ProcessRunner.run(cmd, dir, Duration.ofMinutes(2));
                    if (r.exitCode() != 0) {
                        throw new UserError("building " + what + " failed: " + r.output().strip());
                    }
                    Files.move(dir.resolve("out"), out, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    GeneratedFiles.deleteTree(dir);
                }
            } catch (IOException e) {
                throw new UserError(cache + ": cannot build " + what + " here (" + e.getMessage()
                        + "); set FGC_CACHE to a writable folder");
            }
            return out;
        }
    }

    private String hash(byte[] code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(code);
            headers.forEach(h -> d.update(Resources.bytes(h)));
            d.update(String.join(" ", flags).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update(String.join(" ", libs).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
