package dev.fgc.emit;

import dev.fgc.pack.CompressedRows;

/**
 * The storage of a compressed-row int8 matrix on targets whose kernel reads one stream
 * (runtime-c/include/fgc_q15.h, {@code FGC_SPARSE_PAIRS}): per non-zero, row after row, the byte
 * offset of its input (twice its column) and then its value as a two's-complement byte, so that one
 * pointer walks both and the input's address is one addition. It needs offsets below 256, so
 * matrices of at most {@link #MAX_COLS} columns; the counts stay as they are.
 */
final class SparsePairs {
    /** The widest matrix whose doubled columns fit a byte. */
    static final int MAX_COLS = 128;

    private SparsePairs() {
    }

    /** Whether a matrix with {@code bits}-bit values can be stored as pairs. */
    static boolean applies(CompressedRows rows, int bits) {
        return bits == 8 && rows.cols() <= MAX_COLS && rows.indices().length > 0;
    }

    /** The stream: offset and value byte of each non-zero. */
    static int[] stream(CompressedRows rows) {
        int[] out = new int[2 * rows.indices().length];
        for (int k = 0; k < rows.indices().length; k++) {
            out[2 * k] = 2 * rows.indices()[k];
            out[2 * k + 1] = rows.values()[k] & 0xFF;
        }
        return out;
    }
}
