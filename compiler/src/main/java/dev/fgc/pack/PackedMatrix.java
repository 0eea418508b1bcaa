package dev.fgc.pack;

/**
 * A weight matrix as stored: its layout and the bytes of its values, indices and per-row counts
 * (runtime-c/include/fgc_sparse.h). Column indices take one byte up to 256 columns, two above;
 * row counts take two bytes (a row of 256 columns can hold 256 non-zeros).
 */
public record PackedMatrix(String name, int rows, int cols, int nonZeros, int valueBits, Layout layout) {

    public int indexBytesEach() {
        return cols <= 256 ? 1 : 2;
    }

    public int countBytesEach() {
        return 2;
    }

    public long valueBytes() {
        long n = layout == Layout.DENSE ? (long) rows * cols : nonZeros;
        return n * valueBits / 8;
    }

    /** Column indices and row counts, 0 for a dense matrix. */
    public long indexBytes() {
        return layout == Layout.DENSE ? 0 : (long) nonZeros * indexBytesEach() + (long) rows * countBytesEach();
    }

    public long bytes() {
        return valueBytes() + indexBytes();
    }

    /** The smaller layout for this matrix, or the one the policy forces. */
    public static PackedMatrix choose(String name, int rows, int cols, int nonZeros, int valueBits,
                                      Layout.Policy policy) {
        PackedMatrix dense = new PackedMatrix(name, rows, cols, nonZeros, valueBits, Layout.DENSE);
        PackedMatrix sparse = new PackedMatrix(name, rows, cols, nonZeros, valueBits, Layout.SPARSE);
        return switch (policy) {
            case DENSE -> dense;
            case SPARSE -> sparse;
            case AUTO -> sparse.bytes() < dense.bytes() ? sparse : dense;
        };
    }
}
