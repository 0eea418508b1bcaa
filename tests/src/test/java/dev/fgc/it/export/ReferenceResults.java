package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.pack.FactorChoice;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What fgc's Java reference computes for each example of a data set, with the model compiled as
 * the CLI compiles it (calibrated on {@code calibration}): the oracle the exported C must match.
 */
final class ReferenceResults {
    /** One example: the predicted class and its scores (fixed point: integers; float: doubles). */
    record Row(int cls, double[] scores) {
    }

    private final boolean fixed;
    private final List<Row> rows;

    private ReferenceResults(boolean fixed, List<Row> rows) {
        this.fixed = fixed;
        this.rows = rows;
    }

    static ReferenceResults of(Path modelDir, String precision, Path calibration, Path data) {
        Model model = ModelLoader.load(modelDir, LoadOptions.of(null, null));
        Dataset examples = DatasetLoader.load(data, model);
        CompiledModel compiled = PrecisionPlanner.plan(FactorChoice.of(model).apply(), Precision.parse(precision),
                Optional.of(DatasetLoader.load(calibration, model)), 1.0);
        List<Row> rows = new ArrayList<>();
        Optional<FixedReference> fixed = compiled.plan().map(FixedReference::new);
        FloatReference floating = new FloatReference(compiled.model());
        for (int i = 0; i < examples.size(); i++) {
            if (fixed.isPresent()) {
                FixedReference ref = fixed.get();
                int[] s = ref.scores(ref.quantizeInputs(examples.features(i)));
                double[] d = new double[s.length];
                for (int c = 0; c < s.length; c++) {
                    d[c] = s[c];
                }
                rows.add(new Row(FixedReference.argmax(s), d));
            } else {
                double[] s = floating.scores(examples.features(i));
                rows.add(new Row(FloatReference.argmax(s), s));
            }
        }
        return new ReferenceResults(compiled.isFixedPoint(), rows);
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Checks lines "ROW CLASS SCORE…" against the reference: the same class, and scores equal at
     * fixed point or within fgc verify's float tolerance, 1e-4·max(1, |reference|).
     */
    void assertMatches(String output) {
        String[] lines = output.strip().split("\n");
        assertEquals(rows.size(), lines.length, output);
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            Row want = rows.get(i);
            assertEquals(i, Integer.parseInt(f[0]), lines[i]);
            assertEquals(want.cls(), Integer.parseInt(f[1]), "class of row " + i);
            assertEquals(want.scores().length, f.length - 2, lines[i]);
            for (int c = 0; c < want.scores().length; c++) {
                double got = Double.parseDouble(f[c + 2]);
                double ref = want.scores()[c];
                if (fixed) {
                    assertEquals(ref, got, 0.0, "score " + c + " of row " + i);
                } else {
                    assertTrue(Math.abs(got - ref) <= 1e-4 * Math.max(1, Math.abs(ref)),
                            "score " + c + " of row " + i + ": " + got + " vs reference " + ref);
                }
            }
        }
    }
}
