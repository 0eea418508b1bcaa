package dev.fgc.it;

import dev.fgc.model.CellKind;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.RandomModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Generated models of every kind for the device tests: both cells, full and low rank, every
 * nonlinearity as gate and update, int8 and int16, spread over the given boards; every other one
 * calibrated, the rest on the conservative bound.
 */
final class GeneratedModelCases {
    private GeneratedModelCases() {
    }

    /** Arguments (spec, precision, board), the seeds counting up from {@code seed}. */
    static Stream<Arguments> everyKind(String[] boards, long seed) {
        List<Arguments> cases = new ArrayList<>();
        Nonlinearity[] all = Nonlinearity.values();
        int n = 0;
        for (String precision : new String[] {"int8", "int16"}) {
            for (boolean lowRank : new boolean[] {false, true}) {
                for (int i = 0; i < all.length; i++) {
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, all[i],
                            all[(i + 1) % all.length], seed++), precision, boards[n++ % boards.length]));
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTRNN, lowRank, Nonlinearity.SIGMOID,
                            all[i], seed++), precision, boards[n++ % boards.length]));
                }
            }
        }
        return cases.stream();
    }

    /** Writes the model with {@code samples} examples under {@code tmp} and returns its verify command line. */
    static String[] verifyArgs(Path tmp, RandomModels.Spec spec, int samples, String precision, String board)
            throws IOException {
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, samples);
        List<String> args = new ArrayList<>(List.of("verify", dir.toString(), "--board", board, "--precision",
                precision, "--data", dir.resolve("test.npy").toString(), "--update", spec.update().edgemlName()));
        if (spec.cell() == CellKind.FASTGRNN) {
            args.addAll(List.of("--gate", spec.gate().edgemlName()));
        }
        if (spec.seed() % 2 == 0) {
            args.addAll(List.of("--calibrate", dir.resolve("test.npy").toString()));
        }
        return args.toArray(String[]::new);
    }
}
