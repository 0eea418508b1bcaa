package dev.fgc.emit;

import java.util.ArrayList;
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
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(of(values[i])).append(i + 1 < values.length ? "," : "");
            if ((i + 1) % PER_LINE == 0 || i + 1 == values.length) {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.append(' ');
            }
        }
        return lines;
    }
}
