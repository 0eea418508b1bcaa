package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.emit.CPrefix;
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
import dev.fgc.testing.JavaTwins;
import dev.fgc.testing.RandomModels;
import dev.fgc.testing.Repo;
import dev.fgc.verify.ScoreCheck;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java twin against the device: the same compiled model is verified on mps2-an386 (every
 * sample must match the reference) and the twin, compiled here, must give the device's scores on
 * every sample of the USPS case and of the shared models' test sets: the same bits in fixed point;
 * in float within verify's tolerance, because the device's expf and tanhf (newlib) and the twin's
 * (the JDK's StrictMath, rounded to float) may differ in the last bits. Without them — piecewise-
 * linear nonlinearities — float scores are the same bits too.
 */
class JavaTwinDeviceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"usps, int8", "usps, int16", "usps, float", "digits-rows, int8", "digits-rows, int16",
            "digits-rows, float", "synth-har, int8", "synth-har, int16", "synth-har, float", "usps, auto"})
    void twinPrintsTheDevicesScoreBits(String name, String precision) throws IOException {
        Path dir = name.equals("usps") ? Repo.usps() : Repo.sharedModel(name);
        Model model = ModelLoader.load(dir, LoadOptions.of(name.equals("synth-har") ? Nonlinearity.TANH : null, null));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        Dataset calibration = DatasetLoader.load(dir.resolve(name.equals("usps") ? "test.npy" : "train.npy"), model);
        CompiledModel compiled = PrecisionPlanner.plan(FactorChoice.of(model).apply(), Precision.parse(precision),
                Optional.of(calibration), 1.0);
        Packing packing = Packing.of(compiled, Layout.Policy.AUTO);

        VerifyReport report = verify(compiled, packing, test, CPrefix.fromName(name).lower());
        assertTwinMatchesDevice(compiled, packing, test, report, compiled.isFixedPoint());
    }

    /** Float models without exp or tanh, of both cells, full and low rank, dense and sparse. */
    @ParameterizedTest(name = "{0} {1} lowRank={2} {3}")
    @CsvSource({"FASTGRNN, quantSigm, quantTanh, false, DENSE", "FASTGRNN, quantSigm4, relu, true, SPARSE",
            "FASTRNN, sigmoid, quantTanh, true, DENSE", "FASTRNN, sigmoid, relu, false, SPARSE"})
    void floatTwinWithoutLibmIsBitExact(CellKind cell, String gate, String update, boolean lowRank, Layout.Policy layout)
            throws IOException {
        RandomModels.Spec spec = RandomModels.Spec.of(cell, lowRank, Nonlinearity.byName(gate),
                Nonlinearity.byName(update), 900 + gate.length() + update.length());
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 40);
        Model model = ModelLoader.load(dir, LoadOptions.of(cell == CellKind.FASTGRNN ? spec.gate() : null,
                spec.update()));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        CompiledModel compiled = CompiledModel.floating(FactorChoice.of(model).apply());
        Packing packing = Packing.of(compiled, layout);
        assertTwinMatchesDevice(compiled, packing, test, verify(compiled, packing, test, "m"), true);
    }

    private static VerifyReport verify(CompiledModel compiled, Packing packing, Dataset test, String prefix) {
        HostEnvironment env = HostEnvironment.current();
        VerifyReport report = new Verifier(new Provisioner(env, System.err), env, System.err).verify(compiled, packing,
                test, new Verifier.Options(BoardCatalog.load().byName("mps2-an386"), new CPrefix(prefix),
                        Duration.ofMinutes(10), Optional.empty()));
        assertEquals(test.size(), report.samples());
        assertEquals(report.samples(), report.matched(), report.summary());
        return report;
    }

    private void assertTwinMatchesDevice(CompiledModel compiled, Packing packing, Dataset test, VerifyReport report,
                                         boolean exact) throws IOException {
        JavaTwins.Twin twin = JavaTwins.build(compiled, packing, tmp.resolve("twin"));
        int same = 0;
        int scores = 0;
        double maxError = 0;
        for (int i = 0; i < test.size(); i++) {
            int[] device = report.deviceScoreBits().get(i);
            int[] java = twin.scoreBits(test.features(i));
            String what = compiled.model().name() + " " + compiled.precision() + " sample " + i;
            if (exact) {
                assertArrayEquals(device, java, what + ": twin and device score bits");
            }
            for (int c = 0; c < device.length && !compiled.isFixedPoint(); c++) {
                float d = Float.intBitsToFloat(device[c]);
                float j = Float.intBitsToFloat(java[c]);
                assertTrue(ScoreCheck.floatMatches(j, d), what + " class " + c + ": twin " + j + ", device " + d);
                same += device[c] == java[c] ? 1 : 0;
                maxError = Math.max(maxError, Math.abs((double) j - d));
            }
            scores += device.length;
        }
        System.err.printf("fgc twin: %s %s: %d samples, %d scores, %d of them bit-identical to the device's;"
                + " max |twin - device| %.3g%n", compiled.model().name(), compiled.precision(), test.size(), scores,
                compiled.isFixedPoint() ? scores : same, maxError);
    }
}
