package dev.fgc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.device.ProcessRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds and runs C on the host with the product's strict flags and the sanitizers. */
public final class HostC {
    public static final List<String> FLAGS = List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-O1", "-g",
            "-fsanitize=undefined,address", "-fno-sanitize-recover=all");

    private HostC() {
    }

    /** Compiles every .c file of {@code dir} into {@code exe}, with {@code defines} (-D...) besides. */
    public static Path build(Path dir, String exe, String... defines) throws IOException {
        return build("gcc", dir, exe, defines);
    }

    /**
     * The same with another compiler (a path, or a name on PATH) taking gcc's flags, clang:
     * {@code extra} (-D..., more -f...) follow the strict flags.
     */
    public static Path build(String compiler, Path dir, String exe, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(compiler));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-I.", "-o", exe));
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().forEach(cmd::add);
        }
        cmd.add("-lm");
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, Duration.ofMinutes(2));
        assertEquals(0, r.exitCode(), "host " + compiler + " failed:\n" + r.output());
        return dir.resolve(exe);
    }

    /** Runs the program with {@code input} written to a file and passed as its only argument. */
    public static String run(Path exe, byte[] input) throws IOException {
        return execute(exe, input).stdout();
    }

    /** The same, keeping stderr: where the sanitizers report. */
    public static ProcessRunner.Result execute(Path exe, byte[] input) throws IOException {
        Path in = exe.resolveSibling("input.bin");
        Files.write(in, input);
        ProcessRunner.Result r = ProcessRunner.run(List.of(exe.toString(), in.toString()), exe.getParent(),
                Duration.ofMinutes(2));
        assertEquals(0, r.exitCode(), "host program failed:\n" + r.output());
        return r;
    }

    public static byte[] float32(double[][] rows) {
        int n = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer b = ByteBuffer.allocate(rows.length * n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) {
            for (double v : row) {
                b.putFloat((float) v);
            }
        }
        return b.array();
    }
}
