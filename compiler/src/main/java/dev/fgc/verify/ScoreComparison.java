package dev.fgc.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Accumulates the per-example comparison of the device with the oracle (exact for fixed point,
 * within tolerance for float) and with the float model (accuracy, agreement, score error).
 */
final class ScoreComparison {
    private final List<Integer> mismatches = new ArrayList<>();
    private final List<Integer> predictions = new ArrayList<>();
    private final List<int[]> scoreBits = new ArrayList<>();
    private final List<Integer> floatPredictions = new ArrayList<>();
    private final List<double[]> absErrors = new ArrayList<>();
    private int samples;
    private int matched;
    private int agreed;
    private int labelled;
    private int floatCorrect;
    private int oracleCorrect;
    private int deviceCorrect;
    private double maxAbsError;
    private double sumAbsError;
    private long scoreCount;

    /**
     * @param oracleMatched whether the device's scores match the oracle's
     * @param floatScores   the float reference's scores
     * @param deviceScores  the device's scores as real numbers
     * @param deviceBits    the same as the device printed them: each score's raw 32 bits
     */
    void add(int index, boolean oracleMatched, int oracleClass, int floatClass, double[] floatScores,
             int deviceClass, double[] deviceScores, int[] deviceBits, OptionalInt label) {
        samples++;
        predictions.add(deviceClass);
        scoreBits.add(deviceBits.clone());
        if (oracleMatched) {
            matched++;
        } else {
            mismatches.add(index);
        }
        floatPredictions.add(floatClass);
        double[] errors = new double[floatScores.length];
        for (int c = 0; c < floatScores.length; c++) {
            double e = Math.abs(deviceScores[c] - floatScores[c]);
            errors[c] = e;
            maxAbsError = Math.max(maxAbsError, e);
            sumAbsError += e;
            scoreCount++;
        }
        absErrors.add(errors);
        agreed += deviceClass == floatClass ? 1 : 0;
        if (label.isPresent()) {
            labelled++;
            floatCorrect += floatClass == label.getAsInt() ? 1 : 0;
            oracleCorrect += oracleClass == label.getAsInt() ? 1 : 0;
            deviceCorrect += deviceClass == label.getAsInt() ? 1 : 0;
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

    List<int[]> scoreBits() {
        return List.copyOf(scoreBits);
    }

    List<Integer> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Fraction of examples where the device's class equals the float model's. */
    double agreement() {
        return samples == 0 ? 0 : (double) agreed / samples;
    }

    double maxAbsError() {
        return maxAbsError;
    }

    double meanAbsError() {
        return scoreCount == 0 ? 0 : sumAbsError / scoreCount;
    }

    OptionalDouble floatAccuracy() {
        return fraction(floatCorrect);
    }

    OptionalDouble referenceAccuracy() {
        return fraction(oracleCorrect);
    }

    OptionalDouble deviceAccuracy() {
        return fraction(deviceCorrect);
    }

    /** The report of what was compared, with the sizes and speed measured on the way. */
    VerifyReport report(String model, String board, String precision, VerifyReport.Sizes sizes,
                        VerifyReport.Speed speed) {
        Optional<VerifyReport.Accuracy> accuracy = labelled == 0 ? Optional.empty()
                : Optional.of(new VerifyReport.Accuracy(floatAccuracy().getAsDouble(),
                referenceAccuracy().getAsDouble(), deviceAccuracy().getAsDouble()));
        return new VerifyReport(model, board, precision, samples, matched, accuracy, agreement(), maxAbsError,
                meanAbsError(), sizes, speed, mismatches(), predictions(), scoreBits(),
                new VerifyReport.PerSample(List.copyOf(floatPredictions), List.copyOf(absErrors)), Optional.empty(),
                Optional.empty());
    }

    private OptionalDouble fraction(int correct) {
        return labelled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / labelled);
    }
}
