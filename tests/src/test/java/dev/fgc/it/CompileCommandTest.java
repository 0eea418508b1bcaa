package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.Toolchain;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.model.CellKind;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.Cli;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fgc compile}, {@code inspect} and {@code boards} through the command line. */
class CompileCommandTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"float", "int16", "int8", "auto"})
    void packageIsDeterministicAndBuildsWarningFreeForEveryBoard(String precision) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String[] args = {"compile", Repo.usps().toString(), "--precision", precision, "--calibrate",
                Repo.usps().resolve("test.npy").toString(), "-o", null};
        args[args.length - 1] = a.toString();
        assertEquals(0, Cli.run(args).exitCode());
        args[args.length - 1] = b.toString();
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        List<String> names = list(a);
        assertEquals(names, list(b));
        assertTrue(names.containsAll(List.of("usps_model.h", "usps_model.c",
                precision.equals("float") ? "fgc_f32.h" : "fgc_q15.h")), names.toString());
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
        }
        Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
        for (Board board : BoardCatalog.load().all()) {
            List<String> cmd = new ArrayList<>(Toolchain.forBoard(board, provisioner).compileCommand());
            cmd.add("-c");
            names.stream().filter(n -> n.endsWith(".c")).forEach(cmd::add);
            ProcessRunner.Result c = ProcessRunner.run(cmd, a, Duration.ofMinutes(2));
            assertEquals(0, c.exitCode(), board.name() + ":\n" + c.output());
            assertEquals("", c.stderr(), "no warnings on " + board.name());
        }
    }

    @Test
    void reportGivesFormatsRangesAndSaturations() throws IOException {
        Path report = tmp.resolve("report.json");
        Cli.Result r = Cli.run("compile", Repo.usps().toString(), "--precision", "int8", "--calibrate",
                Repo.usps().resolve("test.npy").toString(), "-o", tmp.resolve("out").toString(), "--report",
                report.toString());
        assertEquals(0, r.exitCode(), r.err());
        String json = Files.readString(report);
        for (String f : new String[] {"\"precision\": \"int8\"", "\"calibrated\": true", "\"name\": \"W1\"",
                "\"format\": \"Q", "int8\"", "\"rangeSeen\"", "\"saturated\": 0", "\"constantBytes\""}) {
            assertTrue(json.contains(f), f + " missing in\n" + json);
        }
        Path bound = tmp.resolve("bound.json");
        assertEquals(0, Cli.run("compile", Repo.usps().toString(), "--precision", "int16", "-o",
                tmp.resolve("out2").toString(), "--report", bound.toString()).exitCode());
        String b = Files.readString(bound);
        assertTrue(b.contains("\"calibrated\": false") && b.contains("conservative bound"), b);
    }

    /** A rank larger than the product's dimensions is multiplied out, and every precision emits it. */
    @ParameterizedTest
    @ValueSource(strings = {"float", "int8"})
    void multipliedOutLowRankProjectionCompiles(String precision) throws IOException {
        RandomModels.Spec spec = new RandomModels.Spec(CellKind.FASTGRNN, 6, 0, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 4, 5, 3, 2, 7);
        Path model = RandomModels.write(tmp.resolve("r6"), spec, 4);
        Path out = tmp.resolve("out-" + precision);
        Cli.Result r = Cli.run("compile", model.toString(), "--precision", precision, "--calibrate",
                model.resolve("test.npy").toString(), "--prefix", "r6", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String source = Files.readString(out.resolve("r6_model.c"));
        assertTrue(source.contains("r6_W[") && !source.contains("r6_W1["), "W1·W2 stored as one W:\n" + source);
    }

    @Test
    void customPrefixIsUsedForFilesAndSymbols() throws IOException {
        Path out = tmp.resolve("p");
        assertEquals(0, Cli.run("compile", Repo.usps().toString(), "--prefix", "digit", "-o", out.toString())
                .exitCode());
        String header = Files.readString(out.resolve("digit_model.h"));
        assertTrue(header.contains("#define DIGIT_TIMESTEPS 16u"));
        assertTrue(header.contains("uint16_t digit_classify(const float features[DIGIT_FEATURES]"));
        Cli.Result bad = Cli.run("compile", Repo.usps().toString(), "--prefix", "__x", "-o", out.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("prefix '__x'"), bad.err());
    }

    @Test
    void inspectReportsDimensionsRanksAndSizes() {
        Cli.Result r = Cli.run("inspect", Repo.usps().toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"\"cell\": \"FastGRNN\"", "\"inputDims\": 16", "\"timesteps\": 16",
                "\"hiddenDims\": 32", "\"numClasses\": 10", "\"wRank\": 5", "\"uRank\": 5",
                "\"parameters\": 956", "\"floatBytes\": 3824", "\"name\": \"W1\"", "\"nonZeros\": 80"}) {
            assertTrue(r.out().contains(f), f + " missing in\n" + r.out());
        }
        Cli.Result text = Cli.run("inspect", Repo.sharedModel("synth-har").toString(), "--gate", "tanh");
        assertTrue(text.out().contains("rank W 5, rank U 40; gate tanh, update tanh"), text.out());
    }

    @Test
    void boardsListsEveryBoardAndTheDefault() {
        Cli.Result r = Cli.run("boards");
        assertEquals(0, r.exitCode());
        for (String b : new String[] {"microbit", "mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505"}) {
            assertTrue(r.out().contains(b), r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mps2-an386") && l.endsWith("(default)")), r.out());
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
