package dev.fgc.emit;

/**
 * The storage order of a dense int8 matrix on targets whose kernels take rows in groups
 * (runtime-c/include/fgc_q15.h, {@code FGC_W8_ROWS}): rows in groups of {@link #AVR} rows, the
 * last group holding what is left, and each group stored column by column, so that a group's rows
 * read each input once. A group of one row is the plain row-major order.
 */
final class RowGroups {
    /** FGC_W8_ROWS on AVR: three sums of four bytes fill the registers the kernel keeps free. */
    static final int AVR = 3;

    private RowGroups() {
    }

    /** The row-major {@code values} ([rows][cols]) in the grouped order. */
    static int[] order(int[] values, int rows, int cols, int group) {
        int[] out = new int[values.length];
        int i = 0;
        for (int first = 0; first < rows; first += group) {
            int k = Math.min(group, rows - first);
            for (int c = 0; c < cols; c++) {
                for (int r = first; r < first + k; r++) {
                    out[i++] = values[r * cols + c];
                }
            }
        }
        return out;
    }
}
