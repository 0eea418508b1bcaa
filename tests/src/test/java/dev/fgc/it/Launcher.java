package dev.fgc.it;

import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./fgc} launcher in a child process, as a user's shell would. */
final class Launcher {
    record Result(int exitCode, String out, String err) {
    }

    private Launcher() {
    }

    /**
     * The launcher with {@code args} in {@code dir}; {@code env} replaces the variables it names (a null
     * value removes one) in this process's environment.
     */
    static Result run(Path dir, Map<String, String> env, Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Repo.root().resolve("fgc").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            Path out = Files.createTempFile("fgc-out", ".txt");
            Path err = Files.createTempFile("fgc-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("fgc " + String.join(" ", args) + " did not finish within " + timeout);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run the fgc launcher: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
