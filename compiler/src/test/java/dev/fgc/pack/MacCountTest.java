package dev.fgc.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.testing.Repo;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Multiply-accumulates per inference: dense matrices count every value, sparse ones their non-zeros. */
class MacCountTest {
    private static CompiledModel compile(Path dir, Nonlinearity gate, Precision p) {
        Model model = FactorChoice.of(ModelLoader.load(dir, LoadOptions.of(gate, null))).apply();
        return PrecisionPlanner.plan(model, p, Optional.of(DatasetLoader.load(dir.resolve("test.npy"), model)), 1.0);
    }

    @Test
    void uspsDenseCountsEveryValueOfEveryStep() {
        for (Precision p : new Precision[] {Precision.FLOAT, Precision.INT8}) {
            CompiledModel c = compile(Repo.usps(), null, p);
            // W1 16x5, W2 5x32, U1 32x5, U2 5x32: 560 a step, 16 steps; FC 32x10 once
            assertEquals(560 * 16 + 320, MacCount.perInference(c.model(), Packing.of(c, Layout.Policy.DENSE)), p.label());
        }
    }

    @Test
    void sparseMatricesCountTheirStoredNonZeros() {
        CompiledModel c = compile(Repo.sharedModel("synth-har"), Nonlinearity.TANH, Precision.INT8);
        Packing sparse = Packing.of(c, Layout.Policy.SPARSE);
        long step = sparse.matrices().values().stream().filter(m -> !m.name().equals("FC"))
                .mapToLong(PackedMatrix::nonZeros).sum();
        assertEquals(step * 128 + sparse.get("FC").nonZeros(), MacCount.perInference(c.model(), sparse));
        // 9 + 80 + 959 + 958 non-zeros a step as inspect reports them at int8, 128 steps, FC 472 non-zeros
        assertEquals(2006L * 128 + 472, MacCount.perInference(c.model(), sparse));
    }
}
