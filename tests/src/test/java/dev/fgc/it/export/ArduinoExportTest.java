package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fgc export arduino}: the library's metadata against Arduino's library specification, and
 * its example sketch built with arduino-builder and run under simavr, where it must print the class
 * the Java reference computes for the built-in sample.
 */
class ArduinoExportTest {
    private static final Path TEST_ROWS = Repo.usps().resolve("test.npy");
    private static final Pattern SAMPLE = Pattern.compile("sample class (\\d+) reference (\\d+) (match|differ)");

    @TempDir
    Path tmp;

    private Path export(String precision) {
        Path out = tmp.resolve("libraries").resolve("usps-model");
        Cli.Result r = Cli.run("export", "arduino", Repo.usps().toString(), "--precision", precision,
                "--calibrate", TEST_ROWS.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return out;
    }

    /** Fields and values of arduino.github.io/arduino-cli/latest/library-specification/#library-metadata. */
    @ParameterizedTest
    @ValueSource(strings = {"int8"})
    void libraryPropertiesFollowsTheArduinoLibrarySpecification(String precision) throws IOException {
        Path lib = export(precision);
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(lib.resolve("library.properties"))));
        // name: letters, digits, spaces, underscores, dots and dashes, starting with a letter or digit;
        // the library's folder carries the same name
        assertTrue(p.getProperty("name").matches("[A-Za-z0-9][A-Za-z0-9 _.-]*"), p.getProperty("name"));
        assertEquals(lib.getFileName().toString(), p.getProperty("name"));
        assertTrue(p.getProperty("version").matches("\\d+\\.\\d+\\.\\d+"));
        for (String required : List.of("author", "maintainer", "sentence", "paragraph", "url")) {
            assertTrue(p.getProperty(required) != null && !p.getProperty(required).isBlank(), required);
        }
        assertTrue(List.of("Display", "Communication", "Signal Input/Output", "Sensors", "Device Control", "Timing",
                "Data Storage", "Data Processing", "Other").contains(p.getProperty("category")));
        assertEquals("*", p.getProperty("architectures"));
        // includes: the headers a sketch includes, in src/ (the 1.5 layout, compiled recursively)
        for (String h : p.getProperty("includes").split(",")) {
            String header = Files.readString(lib.resolve("src").resolve(h));
            assertTrue(header.contains("#ifdef __cplusplus\nextern \"C\" {"), h + " must be usable from C++");
        }
        assertTrue(Files.isRegularFile(lib.resolve("examples/classify/classify.ino")));
    }

    /**
     * Uno and Mega at fixed point (constants in flash); float only on the Mega, whose 8 KB of RAM
     * hold the float constants (float kernels read them from RAM).
     */
    @ParameterizedTest
    @CsvSource({"int8, arduino:avr:uno, arduino-uno", "int16, arduino:avr:uno, arduino-uno",
            "int8, arduino:avr:mega:cpu=atmega2560, arduino-mega2560",
            "int16, arduino:avr:mega:cpu=atmega2560, arduino-mega2560",
            "float, arduino:avr:mega:cpu=atmega2560, arduino-mega2560"})
    void exampleBuildsWithArduinoBuilderAndPrintsTheReferenceClassUnderSimavr(String precision, String fqbn,
                                                                             String board) throws IOException {
        Path lib = export(precision);
        ArduinoBuilder.Build build = ArduinoBuilder.build(lib.getParent(), lib.resolve("examples/classify/classify.ino"),
                fqbn, tmp.resolve("build"), "-DUSPS_HALT_AFTER_SAMPLE");
        System.out.printf("arduino-builder %s, usps %s: flash %d bytes, RAM %d bytes%n", fqbn, precision,
                build.flashBytes(), build.ramBytes());
        DeviceRun run = ArduinoBuilder.simulate(build.elf(), board);
        String uart = run.output();
        assertEquals(0, run.exitCode(), "GPIOR0: the sketch's own check failed\n" + uart);
        Matcher m = SAMPLE.matcher(uart);
        assertTrue(m.find(), "no sample line in the UART output:\n" + uart);
        int expected = ReferenceResults.of(Repo.usps(), precision, TEST_ROWS, TEST_ROWS).rows().get(0).cls();
        assertEquals(expected, Integer.parseInt(m.group(1)), uart);
        assertEquals(expected, Integer.parseInt(m.group(2)), uart);
        assertEquals("match", m.group(3), "the scores are the reference's:\n" + uart);
    }

    /** With a board, the export first verifies its sources there (simavr for the Uno) and says so in its README. */
    @ParameterizedTest
    @ValueSource(strings = {"int8"})
    void exportVerifiesOnTheUnoAndRecordsTheResult(String precision) throws IOException {
        Path out = tmp.resolve("verified");
        Cli.Result r = Cli.run("export", "arduino", Repo.usps().toString(), "--board", "arduino-uno", "--precision",
                precision, "--calibrate", TEST_ROWS.toString(), "--verify", TEST_ROWS.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("on 10 examples of test.npy on board arduino-uno")
                && readme.contains("matched    10/10 samples") && readme.contains("cycles per inference"), readme);
    }
}
