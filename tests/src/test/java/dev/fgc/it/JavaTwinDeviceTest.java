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
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.testing.JavaTwins;
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
 * sample must match the reference) and the twin, compiled here, must print the device's score
 * bits on every sample of the USPS case and of the shared models' test sets.
 */
class JavaTwinDeviceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"usps, int8", "usps, int16", "usps, float", "digits-rows, int8", "digits-rows, int16",
            "digits-rows, float", "synth-har, int8", "synth-har, int16", "synth-har, float"})
    void twinPrintsTheDevicesScoreBits(String name, String precision) throws IOException {
        Path dir = name.equals("usps") ? Repo.usps() : Repo.sharedModel(name);
        Model model = ModelLoader.load(dir, LoadOptions.of(name.equals("synth-har") ? Nonlinearity.TANH : null, null));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        Dataset calibration = DatasetLoader.load(dir.resolve(name.equals("usps") ? "test.npy" : "train.npy"), model);
        CompiledModel compiled = PrecisionPlanner.plan(FactorChoice.of(model).apply(), Precision.parse(precision),
                Optional.of(calibration), 1.0);
        Packing packing = Packing.of(compiled, Layout.Policy.AUTO);

        HostEnvironment env = HostEnvironment.current();
        VerifyReport report = new Verifier(new Provisioner(env, System.err), env, System.err).verify(compiled, packing,
                test, new Verifier.Options(BoardCatalog.load().byName("mps2-an386"), CPrefix.fromName(name),
                        Duration.ofMinutes(10), Optional.empty()));
        assertEquals(test.size(), report.samples());
        assertEquals(report.samples(), report.matched(), report.summary());

        JavaTwins.Twin twin = JavaTwins.build(compiled, packing, tmp);
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(report.deviceScoreBits().get(i), twin.scoreBits(test.features(i)),
                    name + " " + precision + " sample " + i + ": twin and device score bits");
        }
    }
}
