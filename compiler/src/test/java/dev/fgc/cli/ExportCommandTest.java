package dev.fgc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fgc export}: its subcommands, and one clear message and no output for each bad input. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsItsExportsAndNeedsOne() {
        Cli.Result r = Cli.run("export");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("an export is needed: java, cmake, platformio, arduino"), r.err());
        assertEquals(2, Cli.run("export", "zip", Repo.usps().toString()).exitCode());
    }

    @Test
    void badPackageVersionFailsBeforeWritingAnything() {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("export", "cmake", Repo.usps().toString(), "--package-version", "1.0", "-o",
                out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--package-version 1.0: expected MAJOR.MINOR.PATCH"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void sampleFileOfTheWrongShapeIsNamed() {
        Path out = tmp.resolve("out");
        Path wrong = Repo.sharedModel("digits-rows").resolve("test.npy");
        Cli.Result r = Cli.run("export", "platformio", Repo.usps().toString(), "--sample", wrong.toString(), "-o",
                out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(wrong + ": ") && r.err().contains("columns"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void arduinoExportChecksTheBoardItIsGiven() {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("export", "arduino", Repo.usps().toString(), "--board", "arduino-uno", "--max-flash",
                "100", "--precision", "int8", "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("does not fit board arduino-uno") && r.err().contains("(--max-flash)"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void exportsWriteTheirPackage() throws IOException {
        for (String kind : new String[] {"cmake", "platformio", "arduino"}) {
            Path out = tmp.resolve(kind);
            Cli.Result r = Cli.run("export", kind, Repo.usps().toString(), "--precision", "int8", "-o",
                    out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("fgc: wrote the "), r.out());
            try (Stream<Path> files = Files.walk(out)) {
                assertTrue(files.anyMatch(p -> p.endsWith("src/usps_model.c")), kind);
            }
        }
    }
}
