package dev.fgc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.export.java.TwinName;
import dev.fgc.testing.Cli;
import dev.fgc.testing.JavaTwins;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fgc export java}: one source file where the package says, byte-identical run to run,
 * compiling as Java 8; bad input refused.
 */
class ExportJavaCommandTest {
    @TempDir
    Path tmp;

    private Cli.Result export(Path out, String packageName, String... more) {
        String[] base = {"export", "java", Repo.usps().toString(), "--package", packageName, "-o", out.toString(),
                "--calibrate", Repo.usps().resolve("test.npy").toString()};
        return Cli.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8", "int16", "float"})
    void writesOneCompilingSourceFileTheSameEachTime(String precision) throws IOException {
        Cli.Result r = export(tmp.resolve("a"), "com.example.usps", "--precision", precision);
        assertEquals(0, r.exitCode(), r.err());
        Path file = tmp.resolve("a/com/example/usps/UspsModel.java");
        assertTrue(r.out().contains(file.toString()), r.out());
        try (Stream<Path> all = Files.walk(tmp.resolve("a"))) {
            assertEquals(1, all.filter(Files::isRegularFile).count(), "one file");
        }
        assertEquals(0, export(tmp.resolve("b"), "com.example.usps", "--precision", precision).exitCode());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("b/com/example/usps/UspsModel.java")));
        JavaTwins.compile(new TwinName("com.example.usps", "UspsModel"), Files.readString(file), tmp.resolve("javac"), 8);
    }

    @Test
    void prefixNamesTheClass() {
        assertEquals(0, export(tmp.resolve("a"), "org.acme", "--prefix", "digit_net").exitCode());
        assertTrue(Files.isRegularFile(tmp.resolve("a/org/acme/DigitNetModel.java")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.class", "1digits", "com..example", "com-example", ""})
    void invalidPackageIsRefusedAndNothingWritten(String packageName) {
        Cli.Result r = export(tmp.resolve("out"), packageName);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("fgc: error: --package '" + packageName + "': not a Java package name (dot-separated identifiers,"
                + " none of them a keyword, e.g. com.example.model)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void unwritableOutputIsRefusedAndNothingWritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "a file, not a folder");
        Cli.Result r = export(file, "com.example");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("fgc: error: " + file + ": exists and is not a directory"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Cli.Result under = export(file.resolve("out"), "com.example");
        assertEquals(2, under.exitCode(), under.err());
        assertTrue(under.err().startsWith("fgc: error: " + file.resolve("out") + ": cannot write output here"),
                under.err());
        assertEquals("a file, not a folder", Files.readString(file));
        try (Stream<Path> all = Files.list(tmp)) {
            assertEquals(1, all.count(), "no staging folder left behind");
        }
    }
}
