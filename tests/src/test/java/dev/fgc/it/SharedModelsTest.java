package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.emit.CPrefix;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.load.npy.NpzReader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.testing.Repo;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trained models of shared/models over their whole test sets on the default board. */
class SharedModelsTest {

    @ParameterizedTest
    @CsvSource({"digits-rows, sigmoid", "synth-har, tanh"})
    void reproducesEveryExpectedPredictionOnTheDevice(String name, String gate) {
        Path dir = Repo.sharedModel(name);
        Model model = ModelLoader.load(dir, LoadOptions.of(Nonlinearity.byName(gate), null));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        HostEnvironment env = HostEnvironment.current();
        Verifier verifier = new Verifier(new Provisioner(env, System.err), env, System.err);
        CompiledModel compiled = CompiledModel.floating(model);
        VerifyReport report = verifier.verify(compiled, Packing.of(compiled, Layout.Policy.AUTO), test,
                new Verifier.Options(
                BoardCatalog.load().byName("mps2-an386"), CPrefix.fromName(name), Duration.ofMinutes(10),
                Optional.empty()));
        assertEquals(test.size(), report.samples());
        assertEquals(report.samples(), report.matched(), report.summary());
        assertTrue(report.passed());
        double[] expected = NpzReader.read(dir.resolve("expected.npz")).get("pred").values();
        assertEquals(expected.length, report.devicePredictions().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals((int) expected[i], report.devicePredictions().get(i), name + " sample " + i);
        }
    }
}
