package dev.fgc.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.CellKind;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.reference.FloatReference;
import dev.fgc.testing.ClassifyProgram;
import dev.fgc.testing.HostC;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated package compiled on the host with -std=c99 -Wall -Wextra -Werror and the
 * sanitizers, run over examples, and compared with the float reference.
 */
class CModelEmitterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Layout.Policy.class)
    void uspsPackageMatchesTheReferenceOnTheHost(Layout.Policy layout) throws IOException {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        Dataset data = DatasetLoader.load(Repo.usps().resolve("test.npy"), model);
        assertHostMatchesReference(model, data, "usps", layout);
    }

    static Stream<RandomModels.Spec> everyKind() {
        List<RandomModels.Spec> specs = new ArrayList<>();
        Nonlinearity[] all = Nonlinearity.values();
        long seed = 10;
        for (boolean lowRank : new boolean[] {false, true}) {
            for (int i = 0; i < all.length; i++) {
                specs.add(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, all[i], all[(i + 1) % all.length], seed++));
                specs.add(RandomModels.Spec.of(CellKind.FASTRNN, lowRank, Nonlinearity.SIGMOID, all[i], seed++));
            }
        }
        return specs.stream();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void randomModelOfEveryKindMatchesOnTheHost(RandomModels.Spec spec) throws IOException {
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 8);
        Model model = ModelLoader.load(dir, LoadOptions.of(spec.cell() == CellKind.FASTGRNN ? spec.gate() : null,
                spec.update()));
        Layout.Policy layout = spec.seed() % 2 == 0 ? Layout.Policy.SPARSE : Layout.Policy.DENSE;
        assertHostMatchesReference(model, DatasetLoader.load(dir.resolve("test.npy"), model), "rnd", layout);
    }

    @Test
    void outputIsByteIdenticalFromRunToRun() {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        GeneratedFiles a = new CModelEmitter(model, new CPrefix("usps")).emitFloat(dense(model));
        Model again = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        GeneratedFiles b = new CModelEmitter(again, new CPrefix("usps")).emitFloat(dense(again));
        assertEquals(a.asMap().keySet(), b.asMap().keySet());
        a.asMap().forEach((name, bytes) -> assertArrayEquals(bytes, b.asMap().get(name), name));
        String source = a.text("usps_model.c");
        assertTrue(source.contains("static const float usps_W1[80]"), "constants are const (flash)");
        assertTrue(!source.contains("malloc"), "no allocation");
    }

    private static Packing dense(Model model) {
        return Packing.of(CompiledModel.floating(model), Layout.Policy.DENSE);
    }

    private void assertHostMatchesReference(Model model, Dataset data, String prefix, Layout.Policy layout)
            throws IOException {
        CPrefix p = new CPrefix(prefix);
        Path dir = tmp.resolve("build-" + model.name() + "-" + layout);
        Packing packing = Packing.of(CompiledModel.floating(model), layout);
        GeneratedFiles files = new CModelEmitter(model, p).emitFloat(packing);
        assertEquals(layout == Layout.Policy.SPARSE, files.asMap().containsKey("fgc_sparse.h"), "sparse runtime");
        files
                .add("main.c", ClassifyProgram.source(p, false))
                .writeTo(dir);
        Path exe = HostC.build(dir, "model");
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.features(i);
        }
        List<ClassifyProgram.Line> lines = ClassifyProgram.parse(HostC.run(exe, HostC.float32(rows)), data.size());
        FloatReference ref = new FloatReference(model);
        for (int i = 0; i < data.size(); i++) {
            double[] expected = ref.scores(rows[i]);
            ClassifyProgram.Line line = lines.get(i);
            for (int c = 0; c < expected.length; c++) {
                float device = Float.intBitsToFloat(line.bits()[c]);
                assertEquals(expected[c], device, 1e-4 * Math.max(1, Math.abs(expected[c])),
                        model.name() + " sample " + i + " class " + c);
            }
            assertEquals(FloatReference.argmax(expected), line.predicted(), "sample " + i);
        }
    }
}
