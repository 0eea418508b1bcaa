package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EdgeML USPS case, verified in the emulator of every Cortex-M board through the CLI. */
class UspsGoldenTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"microbit", "mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505"})
    void verifiesTenOfTenOnBoard(String board) throws IOException {
        Path json = tmp.resolve("report.json");
        Cli.Result r = Cli.run("verify", Repo.usps().toString(), "--board", board, "--precision", "float",
                "--data", Repo.usps().resolve("test.npy").toString(), "--json", json.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("matched    10/10 samples"), r.out());
        assertTrue(r.out().contains("PASSED"), r.out());
        String report = Files.readString(json);
        for (String field : new String[] {"\"board\": \"" + board + "\"", "\"precision\": \"float\"",
                "\"samples\": 10", "\"matched\": 10", "\"reference\": 1", "\"device\": 1", "\"agreement\": 1",
                "\"maxAbsScoreError\"", "\"flashBytes\"", "\"model\"", "\"total\"", "\"ramBytes\"",
                "\"instructionsPerInference\"", "\"passed\": true"}) {
            assertTrue(report.contains(field), field + " missing in\n" + report);
        }
        long instructions = Long.parseLong(report.replaceAll("(?s).*\"instructionsPerInference\": (\\d+).*", "$1"));
        assertTrue(instructions > 50_000 && instructions < 20_000_000, "instructions " + instructions);
    }
}
