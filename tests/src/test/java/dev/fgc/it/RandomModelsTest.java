package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.model.CellKind;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.Cli;
import dev.fgc.testing.RandomModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated models of every kind (FastGRNN/FastRNN × full/low rank × each nonlinearity, as gate
 * and as update), written as .npy folders and verified in an emulator, boards taken in turn.
 */
class RandomModelsTest {
    private static final String[] BOARDS = {"mps2-an386", "microbit", "mps2-an385", "mps2-an500", "mps2-an505"};

    @TempDir
    Path tmp;

    static Stream<Arguments> everyKind() {
        List<Arguments> cases = new ArrayList<>();
        Nonlinearity[] all = Nonlinearity.values();
        long seed = 100;
        int n = 0;
        for (boolean lowRank : new boolean[] {false, true}) {
            for (int i = 0; i < all.length; i++) {
                cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, all[i],
                        all[(i + 2) % all.length], seed++), BOARDS[n++ % BOARDS.length]));
                cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTRNN, lowRank, Nonlinearity.SIGMOID,
                        all[i], seed++), BOARDS[n++ % BOARDS.length]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyKind")
    void verifiesOnTheDevice(RandomModels.Spec spec, String board) throws IOException {
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 12);
        List<String> args = new ArrayList<>(List.of("verify", dir.toString(), "--board", board,
                "--data", dir.resolve("test.npy").toString(), "--update", spec.update().edgemlName()));
        if (spec.cell() == CellKind.FASTGRNN) {
            args.addAll(List.of("--gate", spec.gate().edgemlName()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("matched    12/12 samples"), r.out());
    }
}
