package dev.fgc.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.reference.FixedReference;
import dev.fgc.testing.ClassifyProgram;
import dev.fgc.testing.HostC;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated fixed-point packages compiled on the host (strict flags, UBSan, ASan) give exactly the
 * integers of the Java fixed-point reference (docs/fixed-point.md), for every kind of model, both
 * widths, calibrated and with the conservative bound.
 */
class FixedModelHostTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Nonlinearity[] all = Nonlinearity.values();
        long seed = 500;
        for (Precision p : new Precision[] {Precision.INT8, Precision.INT16}) {
            for (boolean lowRank : new boolean[] {false, true}) {
                for (int i = 0; i < all.length; i++) {
                    boolean calibrate = i % 2 == 0;
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, all[i],
                            all[(i + 3) % all.length], seed++), p, calibrate));
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTRNN, lowRank, Nonlinearity.SIGMOID,
                            all[i], seed++), p, !calibrate));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} calibrated={2}")
    @MethodSource("cases")
    void randomModelMatchesTheReferenceExactly(RandomModels.Spec spec, Precision precision, boolean calibrate)
            throws IOException {
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 16);
        Model model = ModelLoader.load(dir, LoadOptions.of(spec.cell() == CellKind.FASTGRNN ? spec.gate() : null,
                spec.update()));
        Dataset data = DatasetLoader.load(dir.resolve("test.npy"), model);
        Layout.Policy layout = spec.seed() % 3 == 0 ? Layout.Policy.SPARSE : Layout.Policy.AUTO;
        assertHostEqualsReference(PrecisionPlanner.plan(model, precision,
                calibrate ? Optional.of(data) : Optional.empty(), 1.0), data, layout);
    }

    /** 256 input columns keep one-byte indices, 257 need two (issue #4's index width switch). */
    @ParameterizedTest
    @MethodSource("wideInputs")
    void sparseProductsAcrossTheIndexWidthSwitch(int inputs, Precision precision) throws IOException {
        RandomModels.Spec spec = new RandomModels.Spec(CellKind.FASTGRNN, 0, 1, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, inputs, 10, 2, 3, inputs);
        Path dir = RandomModels.write(tmp.resolve("wide" + inputs), spec, 6);
        Model model = ModelLoader.load(dir, LoadOptions.defaults());
        Dataset data = DatasetLoader.load(dir.resolve("test.npy"), model);
        assertHostEqualsReference(PrecisionPlanner.plan(model, precision, Optional.of(data), 1.0), data,
                Layout.Policy.SPARSE);
    }

    static Stream<Arguments> wideInputs() {
        return Stream.of(Arguments.of(256, Precision.INT8), Arguments.of(257, Precision.INT8),
                Arguments.of(256, Precision.INT16), Arguments.of(257, Precision.INT16));
    }

    @ParameterizedTest
    @MethodSource("uspsPrecisions")
    void uspsMatchesTheReferenceExactly(Precision precision) throws IOException {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        Dataset data = DatasetLoader.load(Repo.usps().resolve("test.npy"), model);
        assertHostEqualsReference(PrecisionPlanner.plan(model, precision, Optional.of(data), 1.0), data,
                Layout.Policy.AUTO);
        assertHostEqualsReference(PrecisionPlanner.plan(model, precision, Optional.of(data), 1.0), data,
                Layout.Policy.SPARSE);
    }

    static Stream<Precision> uspsPrecisions() {
        return Stream.of(Precision.INT8, Precision.INT16, Precision.AUTO);
    }

    private void assertHostEqualsReference(CompiledModel compiled, Dataset data, Layout.Policy layout)
            throws IOException {
        CPrefix p = new CPrefix("m");
        Path dir = tmp.resolve("build-" + layout);
        new CModelEmitter(compiled.model(), p).emit(compiled, Packing.of(compiled, layout))
                .add("main.c", ClassifyProgram.source(p, true))
                .writeTo(dir);
        Path exe = HostC.build(dir, "model");
        FixedReference ref = new FixedReference(compiled.plan().orElseThrow());
        int features = compiled.model().features();
        ByteBuffer in = ByteBuffer.allocate(data.size() * features * 2).order(ByteOrder.LITTLE_ENDIAN);
        int[][] q = new int[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            q[i] = ref.quantizeInputs(data.features(i));
            for (int v : q[i]) {
                in.putShort((short) v);
            }
        }
        List<ClassifyProgram.Line> lines = ClassifyProgram.parse(HostC.run(exe, in.array()), data.size());
        for (int i = 0; i < data.size(); i++) {
            int[] expected = ref.scores(q[i]);
            assertArrayEquals(expected, lines.get(i).bits(), "sample " + i);
            assertEquals(FixedReference.argmax(expected), lines.get(i).predicted(), "class of sample " + i);
        }
    }
}
