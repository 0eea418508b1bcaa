package dev.fgc.container;

import dev.fgc.DeviceFailure;
import dev.fgc.UserError;
import dev.fgc.report.ReportFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs {@code fgc verify} inside the verification image through Testcontainers: the fgc jar and
 * every input file go in, the same command runs there, and its output, exit code and report files
 * come back. Input files keep their absolute paths and the command its working folder, so the
 * arguments stay as given and the report (which names the calibration file, for one) equals the
 * one a local run writes.
 */
public final class ContainerVerifier {
    private static final String JAR = "/fgc/fgc.jar";
    private static final String OUT = "/fgc/out/";
    private final PrintStream out;
    private final PrintStream err;

    /** The verify arguments as given, the input files they name, and where the reports go on this machine. */
    public record Invocation(List<String> args, List<Path> files, Optional<Path> json, Optional<Path> junitXml) {
    }

    public ContainerVerifier(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the verification in a fresh container; returns the exit code of fgc inside. */
    public int run(Invocation inv) {
        VerificationImage.check();
        Path jar = fgcJar();
        inv.json().ifPresent(ReportFile::checkWritable);
        inv.junitXml().ifPresent(ReportFile::checkWritable);
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(VerificationImage.NAME))
                .withImagePullPolicy(image -> false)
                .withWorkingDirectory(Path.of("").toAbsolutePath().toString())
                .withCommand("sleep", "infinity")) {
            c.start();
            c.copyFileToContainer(MountableFile.forHostPath(jar), JAR);
            for (Path file : inv.files()) {
                Path absolute = file.toAbsolutePath().normalize();
                c.copyFileToContainer(MountableFile.forHostPath(absolute), absolute.toString());
            }
            c.copyFileToContainer(Transferable.of(new byte[0]), OUT + ".keep");
            List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR, "verify"));
            cmd.addAll(inv.args());
            inv.json().ifPresent(p -> cmd.addAll(List.of("--json", OUT + "report.json")));
            inv.junitXml().ifPresent(p -> cmd.addAll(List.of("--junit-xml", OUT + "junit.xml")));
            Container.ExecResult r = c.execInContainer(StandardCharsets.UTF_8, cmd.toArray(String[]::new));
            out.print(r.getStdout());
            err.print(r.getStderr());
            inv.json().ifPresent(p -> copyBack(c, OUT + "report.json", p));
            inv.junitXml().ifPresent(p -> copyBack(c, OUT + "junit.xml", p));
            return r.getExitCode();
        } catch (IOException e) {
            throw new UserError("--in-container: talking to the container failed (" + e.getMessage() + ")");
        } catch (UserError | DeviceFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // Testcontainers and the Docker client fail with unchecked exceptions of their own
            throw new UserError("--in-container: the container " + VerificationImage.NAME + " failed ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("--in-container: interrupted");
        }
    }

    /** Copies a report the run inside wrote, atomically; a run that failed before writing leaves none. */
    private static void copyBack(GenericContainer<?> c, String inside, Path local) {
        String text;
        try {
            text = c.copyFileFromContainer(inside, s -> new String(s.readAllBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return;
        }
        ReportFile.write(local, text);
    }

    /** The running fgc's own jar (or the one the system property fgc.jar names), to run inside. */
    static Path fgcJar() {
        String given = System.getProperty("fgc.jar");
        Path jar;
        if (given != null) {
            jar = Path.of(given);
        } else {
            try {
                jar = Path.of(ContainerVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                throw new UserError("--in-container: cannot find fgc's jar (" + e.getMessage() + ")");
            }
        }
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            throw new UserError("--in-container: " + jar + " is not fgc's jar; run fgc as ./fgc or java -jar fgc.jar"
                    + " (or set -Dfgc.jar=PATH)");
        }
        return jar;
    }
}
