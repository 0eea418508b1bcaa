package dev.fgc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad bench input is refused before any emulator runs: one message, exit 2, no report written. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    private void assertRefused(String fragment, String... args) {
        Path json = tmp.resolve("bench.json");
        String[] all = new String[args.length + 3];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = json.toString();
        Cli.Result r = Cli.run(all);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), "one message:\n" + r.err());
        assertTrue(r.err().startsWith("fgc: error: ") && r.err().contains(fragment), r.err());
        assertFalse(Files.exists(json), "nothing written");
    }

    @Test
    void unknownBoard() {
        assertRefused("unknown board 'esp32'", Repo.usps().toString(), "--board", "mps2-an386,esp32");
    }

    @Test
    void badPrecisionAndLayout() {
        assertRefused("unknown precision 'int4'", Repo.usps().toString(), "--precision", "int8,int4");
        assertRefused("unknown layout 'csr'", Repo.usps().toString(), "--layout", "csr");
    }

    @Test
    void missingModelOrData() {
        assertRefused("nope: no such model folder", Repo.usps().toString(), tmp.resolve("nope").toString());
        assertRefused("usps/other.npy: no such data file (--data names a file in each model's folder",
                Repo.usps().toString(), "--data", "other.npy");
    }

    @Test
    void floatOnlyOnBoardsThatRunFixedPoint() {
        assertRefused("nothing to bench: the boards given run fixed point only", Repo.usps().toString(),
                "--board", "arduino-uno", "--precision", "float");
    }

    @Test
    void limitMustBePositive() {
        assertRefused("--limit 0: must be at least 1", Repo.usps().toString(), "--limit", "0");
    }
}
