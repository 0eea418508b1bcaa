package dev.fgc.model;

import java.util.List;

/** The input or recurrent projection of a cell: {@code x·W}, full rank or factored. */
public sealed interface LinearMap permits LinearMap.Dense, LinearMap.LowRank {

    int inputs();

    int outputs();

    double[] apply(double[] x);

    /** The stored matrices, in the order they are applied, with their EdgeML names. */
    List<NamedMatrix> factors();

    /** The rank of a factored map, or empty for a full-rank one. */
    java.util.OptionalInt rank();

    default int parameters() {
        return factors().stream().mapToInt(f -> f.matrix().size()).sum();
    }

    default int nonZeros() {
        return factors().stream().mapToInt(f -> f.matrix().nonZeros()).sum();
    }

    record Dense(NamedMatrix w) implements LinearMap {
        @Override
        public int inputs() {
            return w.matrix().rows();
        }

        @Override
        public int outputs() {
            return w.matrix().cols();
        }

        @Override
        public double[] apply(double[] x) {
            return w.matrix().leftMultiply(x);
        }

        @Override
        public List<NamedMatrix> factors() {
            return List.of(w);
        }

        @Override
        public java.util.OptionalInt rank() {
            return java.util.OptionalInt.empty();
        }
    }

    /** {@code x·W1·W2}: W1 is [in, rank], W2 is [rank, out]. */
    record LowRank(NamedMatrix first, NamedMatrix second) implements LinearMap {
        public LowRank {
            if (first.matrix().cols() != second.matrix().rows()) {
                throw new IllegalArgumentException("low-rank factors " + first.matrix().shape()
                        + " and " + second.matrix().shape() + " do not chain");
            }
        }

        @Override
        public int inputs() {
            return first.matrix().rows();
        }

        @Override
        public int outputs() {
            return second.matrix().cols();
        }

        @Override
        public double[] apply(double[] x) {
            return second.matrix().leftMultiply(first.matrix().leftMultiply(x));
        }

        @Override
        public List<NamedMatrix> factors() {
            return List.of(first, second);
        }

        @Override
        public java.util.OptionalInt rank() {
            return java.util.OptionalInt.of(first.matrix().cols());
        }
    }
}
