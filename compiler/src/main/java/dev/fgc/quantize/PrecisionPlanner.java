package dev.fgc.quantize;

import dev.fgc.UserError;
import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Turns a model and a precision into a {@link CompiledModel}: ranges from the calibration data
 * (or the conservative static bound), formats from the ranges, and for {@code auto} the width of
 * each weight matrix.
 */
public final class PrecisionPlanner {
    private PrecisionPlanner() {
    }

    public static CompiledModel plan(Model model, Precision precision, Optional<Dataset> calibration,
                                     double maxAccuracyDrop) {
        if (!precision.isFixedPoint()) {
            return CompiledModel.floating(model);
        }
        RangeProfile ranges = calibration.map(d -> Calibrator.calibrate(model, d)).orElseGet(() -> StaticBounds.of(model));
        if (precision != Precision.AUTO) {
            return CompiledModel.fixed(precision, Quantizer.quantize(model, ranges, precision));
        }
        Dataset data = calibration.orElseThrow(() -> new UserError(
                "--precision auto needs --calibrate DATA.npy: it measures the accuracy each choice costs"));
        return CompiledModel.fixed(Precision.AUTO, chooseWidths(model, ranges, data, maxAccuracyDrop));
    }

    /**
     * Greedy: every matrix starts at 16 bits; from the largest down, each moves to 8 bits when the
     * accuracy on the calibration data (against labels, or against the float model's classes when
     * the data has none) stays within the budget, in percentage points, of the float model's.
     */
    private static FixedPlan chooseWidths(Model model, RangeProfile ranges, Dataset data, double maxDrop) {
        FloatReference floating = new FloatReference(model);
        int[] floatClasses = classes(data, i -> FloatReference.argmax(floating.scores(data.features(i))));
        int[] target = classes(data, i -> data.label(i).orElse(floatClasses[i]));
        double floatAccuracy = accuracy(floatClasses, target);
        Map<String, Integer> bits = new HashMap<>();
        List<NamedMatrix> matrices = new ArrayList<>(model.cell().w().factors());
        matrices.addAll(model.cell().u().factors());
        matrices.add(model.classifier().fc());
        matrices.forEach(m -> bits.put(m.name(), 16));
        matrices.sort(Comparator.comparingInt((NamedMatrix m) -> m.matrix().size()).reversed()
                .thenComparing(NamedMatrix::name));
        for (NamedMatrix m : matrices) {
            bits.put(m.name(), 8);
            FixedPlan trial = Quantizer.quantize(model, ranges, name -> bits.get(name));
            double drop = 100 * (floatAccuracy - accuracy(new FixedReference(trial), data, target));
            if (drop > maxDrop) {
                bits.put(m.name(), 16);
            }
        }
        return Quantizer.quantize(model, ranges, name -> bits.get(name));
    }

    /** The class predicted for each example. */
    private static int[] classes(Dataset data, IntUnaryOperator predict) {
        int[] c = new int[data.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = predict.applyAsInt(i);
        }
        return c;
    }

    private static double accuracy(int[] predicted, int[] target) {
        int ok = 0;
        for (int i = 0; i < target.length; i++) {
            ok += predicted[i] == target[i] ? 1 : 0;
        }
        return (double) ok / target.length;
    }

    private static double accuracy(FixedReference ref, Dataset data, int[] target) {
        return accuracy(classes(data, i -> FixedReference.argmax(ref.scores(ref.quantizeInputs(data.features(i))))),
                target);
    }
}
