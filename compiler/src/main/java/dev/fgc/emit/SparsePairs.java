package dev.fgc.emit;

import dev.fgc.pack.CompressedRows;

/**
 * The storage of a compressed-row int8 matrix on targets whose kernel reads one stream
 * (runtime-c/include/fgc_q15.h, {@code FGC_SPARSE_PAIRS}): row after row, the row's count of
 * non-zeros in two bytes (little-endian: the same bytes as the three arrays' storage, so that sizes
 * and the layout choice do not depend on the target), then for each non-zero the byte offset of
 * its input (twice its column) and its value as a two's-complement byte, so that one pointer walks
 * everything and the input's address is one addition. Offsets below 256 need matrices of at most
 * {@link #MAX_COLS} columns.
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

    /** The stream: each row's count, then the offset and value byte of each of its non-zeros. */
    static int[] stream(CompressedRows rows) {
        int[] out = new int[2 * rows.rows() + 2 * rows.indices().length];
        int i = 0;
        int k = 0;
        for (int r = 0; r < rows.rows(); r++) {
            out[i++] = rows.counts()[r] & 0xFF;
            out[i++] = rows.counts()[r] >> 8;
            for (int end = k + rows.counts()[r]; k < end; k++) {
                out[i++] = 2 * rows.indices()[k];
                out[i++] = rows.values()[k] & 0xFF;
            }
        }
        return out;
    }
}
