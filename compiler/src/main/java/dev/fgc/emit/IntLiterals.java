package dev.fgc.emit;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated lines of literals for a C array initialiser. */
public final class IntLiterals {
    private static final int PER_LINE = 16;

    private IntLiterals() {
    }

    public static List<String> lines(int[] values) {
        String[] literals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            literals[i] = literal(values[i]);
        }
        return join(literals, PER_LINE);
    }

    /** Each value as the argument of a C macro, {@code macro(v)}. */
    static List<String> lines(int[] values, String macro) {
        String[] literals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            literals[i] = macro + "(" + literal(values[i]) + ")";
        }
        return join(literals, PER_LINE);
    }

    /**
     * A row-major int8 matrix ([rows][cols]) as fgc_q15.h stores it: each row's whole chunks of four
     * columns as {@code FGC_W8X4(w0, w1, w2, w3)} (swapped on cores with SMLAD), its last cols % 4
     * weights as {@code FGC_W8(w)}; four chunks or singles to a line.
     */
    public static List<String> w8Rows(int[] values, int cols) {
        List<String> items = new ArrayList<>();
        for (int row = 0; row < values.length; row += cols) {
            int c = 0;
            for (; c + 4 <= cols; c += 4) {
                int i = row + c;
                items.add("FGC_W8X4(" + literal(values[i]) + ", " + literal(values[i + 1]) + ", "
                        + literal(values[i + 2]) + ", " + literal(values[i + 3]) + ")");
            }
            for (; c < cols; c++) {
                items.add("FGC_W8(" + literal(values[row + c]) + ")");
            }
        }
        return join(items.toArray(String[]::new), 4);
    }

    /** Literals joined with commas, {@code perLine} to a line; no comma after the last. */
    static List<String> join(String[] literals, int perLine) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            line.append(literals[i]).append(i + 1 < literals.length ? "," : "");
            if ((i + 1) % perLine == 0 || i + 1 == literals.length) {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.append(' ');
            }
        }
        return lines;
    }

    /** INT32_MIN has no literal of its own in C: -2147483648 is the negation of an unsigned. */
    static String literal(int v) {
        return v == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(v);
    }
}
