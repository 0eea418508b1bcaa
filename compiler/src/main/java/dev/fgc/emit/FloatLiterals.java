package dev.fgc.emit;

import java.util.List;

/**
 * C float literals that parse back to exactly the float32 nearest each value: Java's shortest
 * round-trip form, which a correctly rounding C compiler reads to the same bits.
 */
public final class FloatLiterals {
    private static final int PER_LINE = 8;

    private FloatLiterals() {
    }

    public static String of(double value) {
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException("value " + value + " does not fit a float32");
        }
        return Float.toString(f) + "f";
    }

    /** Comma-separated lines of literals, {@value #PER_LINE} to a line. */
    public static List<String> lines(double[] values) {
        String[] literals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            literals[i] = of(values[i]);
        }
        return IntLiterals.join(literals, PER_LINE);
    }
}
