package dev.fgc.verify;

import dev.fgc.quantize.Precision;
import dev.fgc.reference.FloatReference;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Accumulates the per-example comparison with the reference. */
final class ScoreComparison {
    private final Precision precision;
    private final List<Integer> mismatches = new ArrayList<>();
    private final List<Integer> predictions = new ArrayList<>();
    private int samples;
    private int matched;
    private int agreed;
    private int labelled;
    private int referenceCorrect;
    private int deviceCorrect;
    private double maxAbsError;

    ScoreComparison(Precision precision) {
        this.precision = precision;
    }

    void add(int index, double[] ref, FirmwareOutput.DeviceResult device, OptionalInt label) {
        samples++;
        predictions.add(device.predicted());
        boolean all = true;
        for (int c = 0; c < ref.length; c++) {
            double d = device.scores()[c];
            maxAbsError = Math.max(maxAbsError, Math.abs(d - ref[c]));
            all &= ScoreCheck.matches(precision, d, ref[c]);
        }
        if (all) {
            matched++;
        } else {
            mismatches.add(index);
        }
        int refClass = FloatReference.argmax(ref);
        if (device.predicted() == refClass) {
            agreed++;
        }
        if (label.isPresent()) {
            labelled++;
            referenceCorrect += refClass == label.getAsInt() ? 1 : 0;
            deviceCorrect += device.predicted() == label.getAsInt() ? 1 : 0;
        }
    }

    int samples() {
        return samples;
    }

    int matched() {
        return matched;
    }

    List<Integer> predictions() {
        return List.copyOf(predictions);
    }

    List<Integer> mismatches() {
        return List.copyOf(mismatches);
    }

    double agreement() {
        return samples == 0 ? 0 : (double) agreed / samples;
    }

    double maxAbsError() {
        return maxAbsError;
    }

    OptionalDouble referenceAccuracy() {
        return labelled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) referenceCorrect / labelled);
    }

    OptionalDouble deviceAccuracy() {
        return labelled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) deviceCorrect / labelled);
    }
}
