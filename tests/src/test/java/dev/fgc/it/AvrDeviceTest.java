package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.model.CellKind;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.Cli;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * int8 and int16 on the AVR boards under simavr (issue #5): the device's integer scores equal the
 * Java fixed-point reference's for every example, constants stay in flash, cycles are counted, and
 * a model that does not fit the Uno is refused at compile time.
 */
class AvrDeviceTest {
    static final String[] BOARDS = {"arduino-uno", "arduino-mega2560"};

    @TempDir
    Path tmp;

    static Stream<Arguments> boardsAndWidths() {
        return BoardCases.each(BOARDS, "int8", "int16");
    }

    private String verify(String... args) throws IOException {
        Path json = tmp.resolve("r-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", json.toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("cycles per inference"), r.out());
        return Files.readString(json);
    }

    static long field(String json, String name) {
        return Long.parseLong(json.replaceAll("(?s).*\"" + name + "\": (\\d+).*", "$1"));
    }

    @ParameterizedTest(name = "usps {1} on {0}")
    @MethodSource("boardsAndWidths")
    void usps(String board, String precision) throws IOException {
        String json = verify("verify", Repo.usps().toString(), "--board", board, "--precision", precision,
                "--calibrate", Repo.usps().resolve("test.npy").toString(),
                "--data", Repo.usps().resolve("test.npy").toString());
        assertTrue(json.contains("\"matched\": 10") && json.contains("\"passed\": true"), json);
        assertFalse(json.contains("instructionsPerInference"), json);
        long cycles = field(json, "cyclesPerInference");
        System.out.printf("usps %s on %s: %d cycles per inference%n", precision, board, cycles);
        if (board.equals("arduino-uno") && precision.equals("int8")) {
            // the port's budget, 25 ms at 16 MHz; simavr's counts are exact, so this is a fixed number
            assertTrue(cycles <= 400_000, "USPS int8 on the Uno: " + cycles + " cycles, the budget is 400,000");
        }
        // every constant of the model is in the image's flash, none copied to RAM
        assertEquals(field(json, "constantBytes"), field(json, "constantsInImage"));
        assertTrue(field(json, "static") < 600, "static RAM holds no model constants:\n" + json);
    }

    @ParameterizedTest(name = "shared models {1} on {0}")
    @MethodSource("boardsAndWidths")
    void sharedModels(String board, String precision) throws IOException {
        for (String[] m : new String[][] {{"digits-rows", "sigmoid", "539"}, {"synth-har", "tanh", "40"}}) {
            Path dir = Repo.sharedModel(m[0]);
            String json = verify("verify", dir.toString(), "--gate", m[1], "--board", board, "--precision",
                    precision, "--calibrate", dir.resolve("train.npy").toString(),
                    "--data", dir.resolve("test.npy").toString(), "--limit", m[2]);
            assertTrue(json.contains("\"matched\": " + m[2]) && json.contains("\"passed\": true"), m[0] + "\n" + json);
            System.out.printf("%s %s on %s: %d cycles per inference, constants %d bytes%n", m[0], precision, board,
                    field(json, "cyclesPerInference"), field(json, "constantBytes"));
        }
    }

    static Stream<Arguments> everyKind() {
        return GeneratedModelCases.everyKind(BOARDS, 500);
    }

    /** Every cell, nonlinearity and weight width, calibrated or bounded: the AVR kernels are exact. */
    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("everyKind")
    void generatedModels(RandomModels.Spec spec, String precision, String board) throws IOException {
        String json = verify(GeneratedModelCases.verifyArgs(tmp, spec, 8, precision, board));
        assertTrue(json.contains("\"matched\": 8"), json);
    }

    @Test
    void aModelTooLargeForTheUnoIsRefusedAtCompileTime() throws IOException {
        // 32 inputs, 128 hidden, full rank: 20,480 weights, 40 KB at int16 against 32 KB of flash
        RandomModels.Spec big = new RandomModels.Spec(CellKind.FASTGRNN, 0, 0, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 32, 128, 4, 4, 11);
        Path model = RandomModels.write(tmp.resolve("big"), big, 2);
        Path out = tmp.resolve("out");
        String err = refusal("compile", model.toString(), "--board", "arduino-uno", "--precision", "int16",
                "-o", out.toString());
        assertTrue(err.matches("(?s).*does not fit board arduino-uno: flash: needs \\d+ bytes of model constants,"
                + " 32768 available.*"), err);
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(0, Cli.run("compile", model.toString(), "--board", "arduino-mega2560", "--precision", "int16",
                "-o", out.toString()).exitCode(), "the Mega has room");

        // 64 inputs, 200 hidden: 105 KB at int16, within the Mega's 256 KB of flash but not within the
        // first 64 KB, where AVR reads constants
        RandomModels.Spec huge = new RandomModels.Spec(CellKind.FASTGRNN, 0, 0, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 64, 200, 2, 4, 13);
        Path model3 = RandomModels.write(tmp.resolve("huge"), huge, 2);
        String err3 = refusal("compile", model3.toString(), "--board", "arduino-mega2560", "--precision", "int16",
                "-o", out.resolveSibling("out3").toString());
        assertTrue(err3.contains("65536 available (the board's: constants must lie in its first 65536 bytes"), err3);

        // 400 hidden units: state and one step's scratch exceed the Uno's 2 KB of RAM
        RandomModels.Spec wide = new RandomModels.Spec(CellKind.FASTRNN, 2, 2, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 4, 400, 4, 4, 12);
        Path model2 = RandomModels.write(tmp.resolve("wide"), wide, 2);
        String err2 = refusal("verify", model2.toString(), "--board", "arduino-uno", "--precision", "int8",
                "--data", model2.resolve("test.npy").toString());
        assertTrue(err2.matches("(?s).*does not fit board arduino-uno: RAM: needs \\d+ bytes \\(state \\d+,"
                + " scratch \\d+\\), 1792 available \\(the board's 2048 less 256 kept for the call stack.*"), err2);
    }

    @Test
    void floatIsRefusedOnAvrWithAClearMessage() {
        String err = refusal("compile", Repo.usps().toString(), "--board", "arduino-uno", "-o",
                tmp.resolve("f").toString());
        assertTrue(err.contains("board arduino-uno runs fixed-point models only")
                && err.contains("--precision int8, int16 or auto"), err);
    }

    /** What fgc printed when it refused the command line as bad input (exit 2). */
    private static String refusal(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        return r.err();
    }
}
