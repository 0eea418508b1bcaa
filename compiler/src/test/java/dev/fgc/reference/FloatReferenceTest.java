package dev.fgc.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.load.npy.NpyReader;
import dev.fgc.load.npy.NpzReader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.Repo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FloatReferenceTest {

    @Test
    void reproducesEdgemlUspsLabelsAndLogits() {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        Dataset test = DatasetLoader.load(Repo.usps().resolve("test.npy"), model);
        NpyArray expected = NpyReader.read(Repo.usps().resolve("expected_logits.npy"));
        double[] logits = expected.values();
        FloatReference ref = new FloatReference(model);
        int[] published = {9, 6, 3, 6, 6, 0, 0, 0, 6, 9};
        int[] predicted = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            double[] s = ref.scores(test.features(i));
            for (int c = 0; c < 10; c++) {
                assertEquals(logits[i * 10 + c], s[c], 1e-4, "sample " + i + " class " + c);
            }
            predicted[i] = FloatReference.argmax(s);
        }
        assertArrayEquals(published, predicted);
    }

    @ParameterizedTest
    @CsvSource({"digits-rows, sigmoid", "synth-har, tanh"})
    void reproducesEverySharedModelPrediction(String name, String gate) {
        Path dir = Repo.sharedModel(name);
        Model model = ModelLoader.load(dir, LoadOptions.of(Nonlinearity.byName(gate), null));
        Dataset test = DatasetLoader.load(dir.resolve("test.npy"), model);
        Map<String, NpyArray> expected = NpzReader.read(dir.resolve("expected.npz"));
        double[] pred = expected.get("pred").values();
        double[] logits = expected.get("logits_f64").values();
        FloatReference ref = new FloatReference(model);
        int classes = model.classes();
        assertEquals(pred.length, test.size());
        for (int i = 0; i < test.size(); i++) {
            double[] s = ref.scores(test.features(i));
            assertEquals((int) pred[i], FloatReference.argmax(s), "sample " + i);
            for (int c = 0; c < classes; c++) {
                assertEquals(logits[i * classes + c], s[c], 1e-4, "sample " + i + " class " + c);
            }
        }
    }

    @Test
    void streamingRefusesASurplusStep() {
        Model model = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        FloatReference.Sequence seq = new FloatReference(model).start();
        for (int t = 0; t < model.timesteps(); t++) {
            seq.step(new double[model.inputs()]);
        }
        assertEquals(16, seq.timestep());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> seq.step(new double[16]));
        assertTrue(e.getMessage().contains("already has all 16 steps"));
    }

    @Test
    void nonlinearitiesFollowEdgemlDefinitions() {
        assertEquals(0.5, Nonlinearity.SIGMOID.apply(0), 0);
        assertEquals(Math.tanh(0.3), Nonlinearity.TANH.apply(0.3), 0);
        assertEquals(0.0, Nonlinearity.RELU.apply(-2), 0);
        assertEquals(0.75, Nonlinearity.QUANT_SIGM.apply(0.5), 0);
        assertEquals(1.0, Nonlinearity.QUANT_SIGM.apply(3), 0);
        assertEquals(0.625, Nonlinearity.QUANT_SIGM4.apply(0.5), 0);
        assertEquals(0.0, Nonlinearity.QUANT_SIGM4.apply(-3), 0);
        assertEquals(-1.0, Nonlinearity.QUANT_TANH.apply(-1.5), 0);
        assertEquals(0.25, Nonlinearity.QUANT_TANH.apply(0.25), 0);
        assertEquals(Nonlinearity.QUANT_SIGM4, Nonlinearity.byName("quantSigm4"));
    }
}
