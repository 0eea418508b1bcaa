package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cppcheck over C files in one target's preprocessor configuration, installed through the
 * Provisioner when missing. Each run names its configuration with -D (cppcheck then checks that
 * one only), so the Cortex-M and AVR paths are checked as their compilers see them rather than
 * through cppcheck's guesses at the #if combinations.
 */
final class Cppcheck {
    private static final String TEMPLATE = "{file}:{line}:{column}:{id}";
    private static final Pattern FINDING = Pattern.compile("(.+):(\\d+):\\d+:([\\w.-]+)");
    /**
     * The fixed-point code shifts negative values right on purpose: docs/fixed-point.md §2 specifies
     * an arithmetic shift, which C99 leaves implementation-defined (never undefined) and every
     * compiler fgc targets defines so.
     */
    private static final String ARITHMETIC_SHIFT = "shiftTooManyBitsSigned";
    private static Path executable;

    /** A finding: the file (its name only: a package copies the runtime's files), line and check. */
    record Finding(String file, int line, String id) {
        /** The MISRA C 2012 rule ("10.4"), or null for one of cppcheck's own checks. */
        String misraRule() {
            return id.startsWith("misra-c2012-") ? id.substring("misra-c2012-".length()) : null;
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + id;
        }
    }

    /** A compiler's view of the code: cppcheck's platform (type sizes) and the compiler's predefined macros. */
    enum Target {
        HOST("--platform=unix64", "-D__GNUC__", "-D__x86_64__"),
        /** Thumb-2 with the DSP extension, optimised: the inline-assembly paths of M4, M7, M33. */
        CORTEX_M4("--platform=unix32", "-D__GNUC__", "-D__OPTIMIZE__", "-D__arm__", "-D__thumb__", "-D__thumb2__",
                "-D__ARM_FEATURE_DSP", "-D__ARM_FEATURE_SAT"),
        /** Thumb-1 (M0), optimised: its own assembly. */
        CORTEX_M0("--platform=unix32", "-D__GNUC__", "-D__OPTIMIZE__", "-D__arm__", "-D__thumb__"),
        /** An 8-bit AVR, int of 16 bits, optimised: program-memory constants and its assembly. */
        AVR("--platform=avr8", "-D__GNUC__", "-D__OPTIMIZE__", "-D__AVR__");

        private final List<String> options;

        Target(String... options) {
            this.options = List.of(options);
        }
    }

    private Cppcheck() {
    }

    /**
     * cppcheck's own warning and portability checks over {@code sources}: none may fire (the run
     * uses --error-exitcode, and its exit code must agree with the findings printed).
     */
    static List<Finding> warnings(Path dir, List<String> sources, Target target) {
        List<String> cmd = command(target);
        cmd.addAll(List.of("--enable=warning,portability", "--error-exitcode=1", "--suppress=" + ARITHMETIC_SHIFT));
        cmd.addAll(sources);
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, Duration.ofMinutes(5));
        List<Finding> found = parse(r, cmd);
        assertEquals(found.isEmpty() ? 0 : 1, r.exitCode(), "cppcheck's exit code against its findings:\n"
                + r.output());
        return found;
    }

    /** The MISRA C 2012 addon's findings over {@code sources} (rule numbers only: the rule texts are not free). */
    static List<Finding> misra(Path dir, List<String> sources, Target target) {
        List<String> cmd = command(target);
        cmd.add("--addon=misra");
        cmd.addAll(sources);
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, Duration.ofMinutes(5));
        assertEquals(0, r.exitCode(), "cppcheck failed:\n" + r.output());
        List<Finding> found = parse(r, cmd);
        for (Finding f : found) {
            if (f.misraRule() == null) {
                fail("not a MISRA finding from the addon run: " + f);
            }
        }
        return found;
    }

    /** The .c files of {@code dir}, sorted. */
    static List<String> cFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().toList();
        }
    }

    private static List<String> command(Target target) {
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "-q", "--std=c99",
                "--template=" + TEMPLATE, "-I."));
        cmd.addAll(target.options);
        return cmd;
    }

    /** Every line cppcheck printed must be a finding: an addon that failed to run says so in a line of its own. */
    private static List<Finding> parse(ProcessRunner.Result r, List<String> cmd) {
        List<Finding> found = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = FINDING.matcher(line);
            if (!m.matches()) {
                fail("unexpected cppcheck output from " + String.join(" ", cmd) + ":\n" + r.output());
            }
            found.add(new Finding(Path.of(m.group(1)).getFileName().toString(), Integer.parseInt(m.group(2)),
                    m.group(3)));
        }
        return found;
    }

    private static synchronized Path executable() {
        if (executable == null) {
            executable = new Provisioner(HostEnvironment.current(), System.err).ensure(Tool.CPPCHECK,
                    "the static analysis of the generated C");
        }
        return executable;
    }
}
