package dev.fgc.pack;

/**
 * A matrix [rows][cols] in the compressed-row form of runtime-c/include/fgc_sparse.h: per row the
 * count of non-zeros, then each non-zero's column and value, row after row.
 */
public record CompressedRows(int rows, int cols, int[] counts, int[] indices, int[] values) {

    public static CompressedRows of(int[] dense, int rows, int cols) {
        int nnz = 0;
        for (int v : dense) {
            nnz += v != 0 ? 1 : 0;
        }
        int[] counts = new int[rows];
        int[] idx = new int[nnz];
        int[] val = new int[nnz];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = dense[r * cols + c];
                if (v != 0) {
                    counts[r]++;
                    idx[k] = c;
                    val[k++] = v;
                }
            }
        }
        return new CompressedRows(rows, cols, counts, idx, val);
    }

    /** The same for float values, with the values' float32 bits. */
    public static CompressedRows ofFloats(double[] dense, int rows, int cols) {
        int[] bits = new int[dense.length];
        for (int i = 0; i < dense.length; i++) {
            float f = (float) dense[i];
            bits[i] = f == 0.0f ? 0 : Float.floatToIntBits(f);
        }
        return of(bits, rows, cols);
    }

    public boolean wideIndices() {
        return cols > 256;
    }
}
