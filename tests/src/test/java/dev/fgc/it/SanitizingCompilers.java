package dev.fgc.it;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gcc and clang, each able to link a program built with -fsanitize=address,undefined: installed
 * through the Provisioner when missing, so that a fresh machine runs the tests rather than skipping
 * them.
 */
final class SanitizingCompilers {
    private static final String NEEDED_BY = "the sanitized host runs of the generated C";
    private static Map<String, Path> compilers;

    private SanitizingCompilers() {
    }

    /** Compiler name to its path, in a fixed order (gcc, clang). */
    static synchronized Map<String, Path> all() {
        if (compilers == null) {
            Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
            Map<String, Path> found = new LinkedHashMap<>();
            found.put("gcc", provisioner.ensure(Tool.HOST_GCC, NEEDED_BY));
            Path clang = provisioner.ensure(Tool.CLANG, NEEDED_BY);
            provisioner.ensure(Tool.clangSanitizerRuntime(asanRuntime(clang)), NEEDED_BY);
            found.put("clang", clang);
            compilers = Collections.unmodifiableMap(found);
        }
        return compilers;
    }

    /**
     * Where clang looks for its AddressSanitizer runtime: beside its resource directory, under
     * lib/linux for the clang of Debian 12 (clang prints the bare name when the file is absent,
     * so the path is built from the resource directory instead).
     */
    private static Path asanRuntime(Path clang) {
        ProcessRunner.Result r = ProcessRunner.run(List.of(clang.toString(), "-print-resource-dir"),
                Path.of(System.getProperty("java.io.tmpdir")), Duration.ofMinutes(1));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("clang -print-resource-dir failed:\n" + r.output());
        }
        return Path.of(r.stdout().trim(), "lib", "linux", "libclang_rt.asan-x86_64.a");
    }
}
