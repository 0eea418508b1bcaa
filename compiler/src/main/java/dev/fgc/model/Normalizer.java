package dev.fgc.model;

/**
 * EdgeML's input normalisation, {@code x' = (x − mean) / std} per flattened feature (t·in + i).
 * Stds below {@link #MIN_STD} are stored as 1, as EdgeML's trainer does.
 */
public record Normalizer(Matrix mean, Matrix std) {
    public static final double MIN_STD = 1e-6;

    public Normalizer {
        if (mean.size() != std.size()) {
            throw new IllegalArgumentException("mean and std differ in length");
        }
        double[] s = std.values();
        for (int i = 0; i < s.length; i++) {
            if (s[i] < MIN_STD) {
                s[i] = 1.0;
            }
        }
        std = Matrix.rowVector(s);
        mean = Matrix.rowVector(mean.values());
    }

    public int features() {
        return mean.size();
    }
}
