package dev.fgc.export.java;

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
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import dev.fgc.testing.JavaTwins;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import dev.fgc.verify.ScoreCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java twin, compiled here with javax.tools, against the Java references on every sample:
 * fixed point bit for bit against the fixed-point interpreter, float within verify's tolerance
 * against the float reference (the device comparison, bit for bit, is in the tests module).
 */
class JavaTwinTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> trainedModels() {
        List<Arguments> cases = new ArrayList<>();
        for (Precision p : new Precision[] {Precision.INT8, Precision.INT16, Precision.FLOAT}) {
            cases.add(Arguments.of("usps", p));
            cases.add(Arguments.of("digits-rows", p));
            cases.add(Arguments.of("synth-har", p));
        }
        cases.add(Arguments.of("usps", Precision.AUTO));
        cases.add(Arguments.of("digits-rows", Precision.AUTO));
        return cases.stream();
    }

    /** Every sample of the USPS case and of the shared models' test sets, calibrated as the README says. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("trainedModels")
    void trainedModelMatchesTheReferenceOnEverySample(String name, Precision precision) throws IOException {
        Path dir = name.equals("usps") ? Repo.usps() : Repo.sharedModel(name);
        Model model = ModelLoader.load(dir, LoadOptions.of(name.equals("synth-har") ? Nonlinearity.TANH : null, null));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        Dataset calibration = DatasetLoader.load(dir.resolve(name.equals("usps") ? "test.npy" : "train.npy"), model);
        CompiledModel compiled = compile(model, precision, Optional.of(calibration));
        assertTwinMatches(compiled, Packing.of(compiled, Layout.Policy.AUTO), test);
    }

    static Stream<Arguments> randomModels() {
        List<Arguments> cases = new ArrayList<>();
        Nonlinearity[] all = Nonlinearity.values();
        long seed = 700;
        for (Precision p : new Precision[] {Precision.INT8, Precision.INT16, Precision.FLOAT}) {
            for (boolean lowRank : new boolean[] {false, true}) {
                for (int i = 0; i < all.length; i++) {
                    Layout.Policy layout = i % 2 == 0 ? Layout.Policy.SPARSE : Layout.Policy.DENSE;
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, all[i],
                            all[(i + 3) % all.length], seed++), p, layout, i % 3 != 0));
                    cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTRNN, lowRank, Nonlinearity.SIGMOID,
                            all[i], seed++), p, layout, i % 3 == 0));
                }
                // a relu gate under the static bound: coarse formats, down to negative ones (§3.5's f_z < 0)
                cases.add(Arguments.of(RandomModels.Spec.of(CellKind.FASTGRNN, lowRank, Nonlinearity.RELU,
                        Nonlinearity.RELU, seed++), p, Layout.Policy.AUTO, false));
            }
        }
        return cases.stream();
    }

    /** Every cell kind, rank and nonlinearity, dense and sparse, calibrated and with the static bound. */
    @ParameterizedTest(name = "{0} {1} {2} calibrated={3}")
    @MethodSource("randomModels")
    void randomModelMatchesTheReference(RandomModels.Spec spec, Precision precision, Layout.Policy layout,
                                        boolean calibrate) throws IOException {
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 24);
        Model model = ModelLoader.load(dir, LoadOptions.of(spec.cell() == CellKind.FASTGRNN ? spec.gate() : null,
                spec.update()));
        Dataset data = DatasetLoader.load(dir.resolve("test.npy"), model);
        CompiledModel compiled = compile(model, precision, calibrate ? Optional.of(data) : Optional.empty());
        assertTwinMatches(compiled, Packing.of(compiled, layout), data);
    }

    /**
     * A model whose constants far exceed what a static initialiser of array literals could hold
     * (64 KB of bytecode) compiles, and still matches; 300 inputs need two-byte sparse indices.
     */
    @ParameterizedTest
    @MethodSource("largePrecisions")
    void largeModelCompilesAndMatches(Precision precision) throws IOException {
        RandomModels.Spec spec = new RandomModels.Spec(CellKind.FASTGRNN, 0, 0, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 300, 192, 3, 5, 77);
        Path dir = RandomModels.write(tmp.resolve("large"), spec, 4);
        Model model = ModelLoader.load(dir, LoadOptions.defaults());
        Dataset data = DatasetLoader.load(dir.resolve("test.npy"), model);
        CompiledModel compiled = compile(model, precision, Optional.of(data));
        assertTwinMatches(compiled, Packing.of(compiled, Layout.Policy.AUTO), data);
        assertTwinMatches(compiled, Packing.of(compiled, Layout.Policy.SPARSE), data);
    }

    static Stream<Precision> largePrecisions() {
        return Stream.of(Precision.INT16, Precision.FLOAT);
    }

    @Test
    void sameInputsGiveTheSameFile() {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        Dataset data = DatasetLoader.load(Repo.usps().resolve("test.npy"), model);
        for (Precision p : new Precision[] {Precision.INT8, Precision.FLOAT}) {
            CompiledModel a = compile(model, p, Optional.of(data));
            CompiledModel b = compile(ModelLoader.load(Repo.usps(), LoadOptions.defaults()), p, Optional.of(data));
            TwinName name = TwinName.of("com.example", dev.fgc.emit.CPrefix.fromName("usps"));
            assertEquals(new JavaTwinEmitter(name).source(a, Packing.of(a, Layout.Policy.AUTO)),
                    new JavaTwinEmitter(name).source(b, Packing.of(b, Layout.Policy.AUTO)));
        }
    }

    /** The streaming API: step by step equals classify; a step past the end is refused; reset starts over. */
    @Test
    void streamingApiMatchesClassify() throws IOException {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        Dataset data = DatasetLoader.load(Repo.usps().resolve("test.npy"), model);
        CompiledModel compiled = compile(model, Precision.INT16, Optional.of(data));
        JavaTwins.Twin twin = JavaTwins.build(compiled, Packing.of(compiled, Layout.Policy.AUTO), tmp);
        Object sequence;
        try {
            sequence = twin.type().getConstructor().newInstance();
            var step = twin.type().getMethod("step", short[].class);
            var scores = twin.type().getMethod("scores", int[].class);
            var quantize = twin.type().getMethod("quantize", double.class);
            int in = model.inputs();
            for (int round = 0; round < 2; round++) {
                double[] f = data.features(round);
                for (int t = 0; t < model.timesteps(); t++) {
                    short[] x = new short[in];
                    for (int i = 0; i < in; i++) {
                        x[i] = (short) quantize.invoke(null, f[t * in + i]);
                    }
                    assertEquals(true, step.invoke(sequence, (Object) x));
                }
                assertEquals(false, step.invoke(sequence, (Object) new short[in]), "a step past the sequence");
                int[] s = new int[model.classes()];
                int cls = (int) scores.invoke(sequence, (Object) s);
                assertArrayEquals(twin.scoreBits(f), s);
                assertEquals(FixedReference.argmax(s), cls);
                twin.type().getMethod("reset").invoke(sequence);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static CompiledModel compile(Model model, Precision precision, Optional<Dataset> calibration) {
        return PrecisionPlanner.plan(FactorChoice.of(model).apply(), precision, calibration, 1.0);
    }

    private void assertTwinMatches(CompiledModel compiled, Packing packing, Dataset data) throws IOException {
        JavaTwins.Twin twin = JavaTwins.build(compiled, packing, tmp.resolve("twin-" + packing.hashCode()));
        if (compiled.plan().isPresent()) {
            FixedReference ref = new FixedReference(compiled.plan().get());
            for (int i = 0; i < data.size(); i++) {
                assertArrayEquals(ref.scores(ref.quantizeInputs(data.features(i))), twin.scoreBits(data.features(i)),
                        "sample " + i);
            }
            return;
        }
        FloatReference ref = new FloatReference(compiled.model());
        for (int i = 0; i < data.size(); i++) {
            double[] expected = ref.scores(data.features(i));
            int[] bits = twin.scoreBits(data.features(i));
            for (int c = 0; c < expected.length; c++) {
                float actual = Float.intBitsToFloat(bits[c]);
                assertTrue(ScoreCheck.floatMatches(actual, expected[c]), "sample " + i + " class " + c + ": twin "
                        + actual + ", reference " + expected[c]);
            }
        }
    }
}
