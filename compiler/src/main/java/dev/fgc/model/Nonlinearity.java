package dev.fgc.model;

import dev.fgc.UserError;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The six nonlinearities EdgeML trains FastGRNN/FastRNN with, under EdgeML's names. */
public enum Nonlinearity {
    SIGMOID("sigmoid") {
        @Override
        public double apply(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
    },
    TANH("tanh") {
        @Override
        public double apply(double x) {
            return Math.tanh(x);
        }
    },
    RELU("relu") {
        @Override
        public double apply(double x) {
            return Math.max(0.0, x);
        }
    },
    QUANT_SIGM("quantSigm") {
        @Override
        public double apply(double x) {
            return clamp((x + 1.0) / 2.0, 0.0, 1.0);
        }
    },
    QUANT_SIGM4("quantSigm4") {
        @Override
        public double apply(double x) {
            return clamp((x + 2.0) / 4.0, 0.0, 1.0);
        }
    },
    QUANT_TANH("quantTanh") {
        @Override
        public double apply(double x) {
            return clamp(x, -1.0, 1.0);
        }
    };

    private final String edgemlName;

    Nonlinearity(String edgemlName) {
        this.edgemlName = edgemlName;
    }

    public abstract double apply(double x);

    /** The name EdgeML's trainer uses, and the one the CLI accepts. */
    public String edgemlName() {
        return edgemlName;
    }

    /** Snake-case form used in C identifiers, e.g. {@code quant_sigm4}. */
    public String cName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Nonlinearity byName(String name) {
        for (Nonlinearity n : values()) {
            if (n.edgemlName.equalsIgnoreCase(name) || n.cName().equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new UserError("unknown nonlinearity '" + name + "': expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Nonlinearity::edgemlName).collect(Collectors.joining(", "));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return edgemlName;
    }
}
