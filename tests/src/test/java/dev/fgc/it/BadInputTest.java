package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.load.npy.NpyWriter;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the brief names gets one clear message naming the file and the problem,
 * exit code 2, and no half-written output.
 */
class BadInputTest {
    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void copyUsps() throws IOException {
        model = Files.createDirectories(tmp.resolve("usps"));
        try (Stream<Path> files = Files.list(Repo.usps())) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
    }

    private void assertUserError(Cli.Result r, String... fragments) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("fgc: error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one message:\n" + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' missing in: " + r.err());
        }
    }

    @Test
    void malformedNpy() throws IOException {
        Files.writeString(model.resolve("Bg.npy"), "this is not numpy");
        assertUserError(Cli.run("inspect", model.toString()), "Bg.npy", "not a .npy file");
    }

    @Test
    void truncatedNpy() throws IOException {
        byte[] u1 = Files.readAllBytes(model.resolve("U1.npy"));
        Files.write(model.resolve("U1.npy"), java.util.Arrays.copyOf(u1, u1.length - 40));
        assertUserError(Cli.run("inspect", model.toString()), "U1.npy: truncated");
    }

    @Test
    void controlCharactersOfACorruptHeaderAreEscaped() throws IOException {
        // Found by NpyReaderFuzzTest: the header text quoted in the message held a raw newline,
        // which split the one-line error on the terminal.
        String header = "{'descr': '<f4',\n 'fortran_order': False, \u001b[2J'shape': (32,) }";
        byte[] bytes = Files.readAllBytes(model.resolve("Bh.npy"));
        byte[] corrupt = java.util.Arrays.copyOf(bytes, bytes.length);
        byte[] text = header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, corrupt, 10, text.length);
        Files.write(model.resolve("Bh.npy"), corrupt);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("compile", model.toString(), "-o", out.toString());
        assertUserError(r, "Bh.npy: unparseable header", "'<f4',\\n 'fortran_order'", "\\u001b[2J");
        assertFalse(Files.exists(out), "no output for a bad model");
    }

    @Test
    void wrongShapes() throws IOException {
        NpyWriter.writeFloat32(model.resolve("FC.npy"), new int[] {30, 10}, new double[300]);
        assertUserError(Cli.run("inspect", model.toString()), "FC.npy: shape [30, 10] has 30 rows",
                "W2.npy [5, 32]");
    }

    @Test
    void nanAndInfWeights() throws IOException {
        double[] bh = new double[32];
        bh[7] = Double.POSITIVE_INFINITY;
        NpyWriter.writeFloat32(model.resolve("Bh.npy"), new int[] {1, 32}, bh);
        assertUserError(Cli.run("inspect", model.toString()), "Bh.npy: element [0, 7] is +Inf");
        bh[7] = Double.NaN;
        NpyWriter.writeFloat32(model.resolve("Bh.npy"), new int[] {1, 32}, bh);
        assertUserError(Cli.run("compile", model.toString(), "-o", tmp.resolve("out").toString()),
                "Bh.npy: element [0, 7] is NaN");
        assertFalse(Files.exists(tmp.resolve("out")), "no output for a bad model");
    }

    @Test
    void dataFileOfTheWrongWidth() throws IOException {
        Path data = tmp.resolve("data.npy");
        NpyWriter.writeFloat32(data, new int[] {2, 100}, new double[200]);
        assertUserError(Cli.run("verify", model.toString(), "--data", data.toString()), "data.npy: 100 columns",
                "257 columns (label first)");
    }

    @Test
    void dataLabelOutOfRange() throws IOException {
        Path data = tmp.resolve("data.npy");
        double[] rows = new double[257];
        rows[0] = 12;
        NpyWriter.writeFloat32(data, new int[] {1, 257}, rows);
        assertUserError(Cli.run("verify", model.toString(), "--data", data.toString()),
                "data.npy: example 0 has label 12.0");
    }

    @Test
    void unknownBoard() {
        assertUserError(Cli.run("compile", model.toString(), "--board", "esp32", "-o", tmp.resolve("o").toString()),
                "unknown board 'esp32'", "mps2-an386");
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void unknownNonlinearityAndPrecision() {
        assertUserError(Cli.run("inspect", model.toString(), "--gate", "softmax"), "unknown nonlinearity 'softmax'",
                "quantSigm4");
        assertUserError(Cli.run("compile", model.toString(), "--precision", "int4", "-o", tmp.resolve("o").toString()),
                "unknown precision 'int4'");
    }

    @Test
    void missingToolchainSaysHowToInstallIt() {
        Cli.Result r = Cli.run(Map.of("FGC_TOOL_PATH", tmp.resolve("empty-bin").toString(), "FGC_NO_INSTALL", "1"),
                "verify", model.toString(), "--data", model.resolve("test.npy").toString());
        assertUserError(r, "arm-none-eabi-gcc", "not found (needed by board mps2-an386",
                "Install with: sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends"
                        + " gcc-arm-none-eabi libnewlib-arm-none-eabi");
    }

    @Test
    void unwritableOutputLeavesNothingBehind() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Cli.Result r = Cli.run("compile", model.toString(), "-o", file.resolve("out").toString());
        assertUserError(r, "plain-file/out: cannot write output here");
        assertEquals("x", Files.readString(file));
        r = Cli.run("compile", model.toString(), "-o", file.toString());
        assertUserError(r, "plain-file: exists and is not a directory");
        r = Cli.run("verify", model.toString(), "--data", model.resolve("test.npy").toString(), "--json",
                file.resolve("r.json").toString());
        assertUserError(r, "r.json: cannot write the report");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(2, left.count(), "only the model folder and the plain file remain");
        }
    }

    @Test
    void badQuantizationOptions() throws IOException {
        Path out = tmp.resolve("q");
        assertUserError(Cli.run("compile", model.toString(), "--precision", "auto", "-o", out.toString()),
                "--precision auto needs --calibrate");
        Path data = tmp.resolve("calib.npy");
        NpyWriter.writeFloat32(data, new int[] {3, 10}, new double[30]);
        assertUserError(Cli.run("compile", model.toString(), "--precision", "int8", "--calibrate", data.toString(),
                "-o", out.toString()), "calib.npy: 10 columns");
        assertUserError(Cli.run("compile", model.toString(), "--precision", "auto", "--calibrate",
                model.resolve("test.npy").toString(), "--max-accuracy-drop", "-1", "-o", out.toString()),
                "--max-accuracy-drop -1.0");
        assertFalse(Files.exists(out), "no output for bad options");
    }

    @Test
    void missingModelFolder() {
        assertUserError(Cli.run("inspect", tmp.resolve("nope").toString()), "nope: no such model folder");
    }
}
