package dev.fgc.load;

import java.util.Arrays;
import java.util.OptionalInt;

/** Examples in EdgeML's layout: a label, then raw features flattened time-major. */
public final class Dataset {
    private final String source;
    private final double[][] features;
    private final int[] labels;

    Dataset(String source, double[][] features, int[] labels) {
        this.source = source;
        this.features = features;
        this.labels = labels;
    }

    public String source() {
        return source;
    }

    public int size() {
        return features.length;
    }

    /** The raw (un-normalised) features of example i, a copy. */
    public double[] features(int i) {
        return features[i].clone();
    }

    public OptionalInt label(int i) {
        return labels == null ? OptionalInt.empty() : OptionalInt.of(labels[i]);
    }

    /** The first n examples (all when n ≥ size). */
    public Dataset limit(int n) {
        if (n >= features.length) {
            return this;
        }
        return new Dataset(source, Arrays.copyOf(features, n), labels == null ? null : Arrays.copyOf(labels, n));
    }
}
