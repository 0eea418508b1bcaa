package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * sample must match the reference) and the twin, compiled here, must give the device's score bits
 * on every sample of the USPS case and of the shared models' test sets, in fixed point and in float
 * (the runtime computes e^x and tanh itself, so the twin can mirror them).
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
        assertTwinMatchesDevice(compiled, packing, test, report);
    }

    /** Float models of both cells and every nonlinearity, full and low rank, dense and sparse. */
    @ParameterizedTest(name = "{0} {1} {2} lowRank={3} {4}")
    @CsvSource({"FASTGRNN, quantSigm, quantTanh, false, DENSE", "FASTGRNN, quantSigm4, relu, true, SPARSE",
            "FASTGRNN, tanh, sigmoid, true, DENSE", "FASTRNN, sigmoid, quantTanh, true, DENSE",
            "FASTRNN, sigmoid, relu, false, SPARSE", "FASTRNN, sigmoid, tanh, false, SPARSE",
            "FASTRNN, sigmoid, sigmoid, true, DENSE"})
    void floatRandomModelIsBitExact(CellKind cell, String gate, String update, boolean lowRank, Layout.Policy layout)
            throws IOException {
        RandomModels.Spec spec = RandomModels.Spec.of(cell, lowRank, Nonlinearity.byName(gate),
                Nonlinearity.byName(update), 900 + gate.length() + update.length());
        Path dir = RandomModels.write(tmp.resolve(spec.name()), spec, 40);
        Model model = ModelLoader.load(dir, LoadOptions.of(cell == CellKind.FASTGRNN ? spec.gate() : null,
                spec.update()));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        CompiledModel compiled = CompiledModel.floating(FactorChoice.of(model).apply());
        Packing packing = Packing.of(compiled, layout);
        assertTwinMatchesDevice(compiled, packing, test, verify(compiled, packing, test, "m"));
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

    private void assertTwinMatchesDevice(CompiledModel compiled, Packing packing, Dataset test, VerifyReport report)
            throws IOException {
        JavaTwins.Twin twin = JavaTwins.build(compiled, packing, tmp.resolve("twin"));
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(report.deviceScoreBits().get(i), twin.scoreBits(test.features(i)),
                    compiled.model().name() + " " + compiled.precision() + " sample " + i + ": twin and device bits");
        }
        System.err.printf("fgc twin: %s %s: all %d samples' %d scores bit-identical to the device's%n",
                compiled.model().name(), compiled.precision(), test.size(), test.size() * compiled.model().classes());
    }
}
