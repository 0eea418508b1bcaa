package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.container.VerificationImage;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fgc verify --in-container}: the verification matrix (every emulator, every precision)
 * runs inside the local verification image through Testcontainers and must write the very report
 * a local run writes. Needs a Docker engine with the image (containers/prepare.sh); never skipped.
 */
class ContainerVerifyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"mps2-an386, float", "mps2-an386, int16", "mps2-an386, int8", "arduino-uno, int16",
            "arduino-uno, int8"})
    void reportInsideEqualsLocalReport(String board, String precision) throws IOException {
        Path usps = Repo.usps();
        List<String> args = new ArrayList<>(List.of("verify", usps.toString(), "--data",
                usps.resolve("test.npy").toString(), "--board", board, "--precision", precision));
        if (!precision.equals("float")) {
            args.addAll(List.of("--calibrate", usps.resolve("test.npy").toString()));
        }
        Path local = tmp.resolve("local.json");
        Path inside = tmp.resolve("inside.json");
        Path junit = tmp.resolve("junit.xml");
        Cli.Result l = Cli.run(with(args, "--json", local.toString()));
        assertEquals(0, l.exitCode(), l.out() + l.err());
        Cli.Result c = Cli.run(with(args, "--in-container", "--json", inside.toString(), "--junit-xml",
                junit.toString()));
        assertEquals(0, c.exitCode(), c.out() + c.err());
        assertTrue(c.out().contains("matched    10/10 samples"), c.out());
        assertEquals(Files.readString(local), Files.readString(inside), "report inside the container");
        assertEquals(l.out(), c.out(), "summary inside the container");
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"11\" failures=\"0\""), xml);
    }

    @org.junit.jupiter.api.Test
    void missingFileIsNamedBeforeAnyContainerStarts() {
        Cli.Result r = Cli.run("verify", Repo.usps().toString(), "--data", tmp.resolve("nope.npy").toString(),
                "--in-container");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nope.npy: no such file"), r.err());
    }

    @org.junit.jupiter.api.Test
    void serialPortCannotBeReachedFromInside() {
        Cli.Result r = Cli.run("verify", Repo.usps().toString(), "--data", Repo.usps().resolve("test.npy").toString(),
                "--in-container", "--port", "tcp:127.0.0.1:1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot be combined with --port"), r.err());
    }

    @org.junit.jupiter.api.Test
    void imageNameIsTheOnePrepareBuilds() throws IOException {
        String script = Files.readString(Repo.root().resolve("containers/prepare.sh"));
        assertTrue(script.contains("image=\"" + VerificationImage.NAME + "\""), "containers/prepare.sh builds "
                + VerificationImage.NAME);
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
