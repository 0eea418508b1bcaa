package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fgc bench on USPS at int8, on a Cortex-M board (QEMU) and an AVR board (simavr): each printed
 * row's speed, sizes and matches are those fgc verify reports for the same build.
 */
class BenchDeviceTest {
    @TempDir
    Path tmp;

    @Test
    void rowsEqualWhatVerifyReports() throws IOException {
        Path benchJson = tmp.resolve("bench.json");
        Cli.Result bench = Cli.run("bench", Repo.usps().toString(), "--board", "mps2-an386,arduino-uno",
                "--precision", "int8", "--json", benchJson.toString());
        assertEquals(0, bench.exitCode(), bench.out() + bench.err());
        assertTrue(bench.out().endsWith("PASSED: every sample of every row matched the Java reference\n"), bench.out());
        String json = Files.readString(benchJson);
        for (String board : new String[] {"mps2-an386", "arduino-uno"}) {
            List<String> row = row(bench.out(), board);
            Path verifyJson = tmp.resolve(board + ".json");
            Cli.Result verify = Cli.run("verify", Repo.usps().toString(), "--board", board, "--precision", "int8",
                    "--calibrate", Repo.usps().resolve("test.npy").toString(),
                    "--data", Repo.usps().resolve("test.npy").toString(), "--json", verifyJson.toString());
            assertEquals(0, verify.exitCode(), verify.out() + verify.err());
            String report = Files.readString(verifyJson);
            boolean avr = board.startsWith("arduino");
            long perInference = AvrDeviceTest.field(report, avr ? "cyclesPerInference" : "instructionsPerInference");
            assertEquals(List.of("usps", board, "int8", "auto"), row.subList(0, 4));
            assertEquals(perInference, number(row.get(4)), board);
            assertEquals(avr ? "cycles" : "instructions", row.get(5));
            double clockHz = avr ? 16e6 : 25e6; // boards/*.properties
            assertEquals(String.format(Locale.ROOT, "%.2f", 1000 * perInference / clockHz), row.get(6));
            assertEquals(9_280, number(row.get(7)), "USPS: 560 multiply-accumulates a step, 16 steps, 320 for FC");
            assertEquals(String.format(Locale.ROOT, "%.2f", perInference / 9280.0), row.get(8));
            assertEquals(total(report, "flashBytes"), number(row.get(9)), board + " flash");
            assertEquals(total(report, "ramBytes"), number(row.get(10)), board + " RAM");
            assertEquals("10/10", row.get(11));
            assertTrue(json.contains("\"board\": \"" + board + "\"") && json.contains("PerInference\": " + perInference),
                    json);
        }
    }

    /** The printed row of this board, split into its cells. */
    private static List<String> row(String out, String board) {
        return out.lines().filter(l -> l.startsWith("usps ") && l.contains(" " + board + " "))
                .map(l -> Arrays.asList(l.trim().split("\\s+"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + board + " in\n" + out));
    }

    private static long number(String cell) {
        return Long.parseLong(cell.replace(",", ""));
    }

    private static long total(String json, String section) {
        return Long.parseLong(json.replaceAll("(?s).*\"" + section + "\": \\{[^}]*\"total\": (\\d+).*", "$1"));
    }
}
