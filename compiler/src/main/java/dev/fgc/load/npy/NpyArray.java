package dev.fgc.load.npy;

import dev.fgc.load.ShownText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * An n-dimensional array read from (or destined for) a NumPy {@code .npy} file. Every element is
 * held as a double, which represents all supported dtypes exactly (int64 values beyond ±2^53 are
 * refused when read); {@link #dtype()} remembers what the file stored. Values are always in C
 * (row-major) order, whatever order the file used.
 */
public final class NpyArray {
    private final Dtype dtype;
    private final int[] shape;
    private final double[] values;

    /**
     * @param dtype a NumPy descr such as {@code "<f4"}, {@code ">i8"} or {@code "|b1"}; kept in
     *     normalised form (see {@link #dtype()})
     * @param shape the dimensions, none negative; empty for a 0-d (scalar) array
     * @param values the elements in C order; as many as the product of {@code shape}
     * @throws IllegalArgumentException if the dtype is not supported or the sizes disagree
     */
    public NpyArray(String dtype, int[] shape, double[] values) {
        this.dtype = Dtype.parse(dtype);
        this.shape = shape.clone();
        this.values = values.clone();
        long size = elementCount(this.shape);
        if (size != this.values.length) {
            throw new IllegalArgumentException("shape " + shapeText(this.shape) + " holds " + size
                    + " elements but " + this.values.length + " values were given");
        }
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The elements in C (row-major) order. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The normalised descr: '=' and '|' on multi-byte types become '<' (NumPy reads both as
     * native order, and the format is little endian in practice), single-byte types always use
     * '|', and '>' stays to record a big-endian file.
     */
    public String dtype() {
        return dtype.descr();
    }

    public int size() {
        return values.length;
    }

    public int rank() {
        return shape.length;
    }

    /** True for integer and bool dtypes, whose values are all whole numbers. */
    public boolean isIntegral() {
        return dtype.isIntegral();
    }

    /** The element at {@code index} (one coordinate per axis; none for a 0-d array). */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has "
                    + index.length + " coordinates but the array has rank " + shape.length);
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " is outside shape " + shapeText(shape));
            }
            flat = flat * shape[axis] + index[axis];
        }
        return values[flat];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that
                && dtype.equals(that.dtype)
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray(" + dtype.descr() + ", shape " + shapeText(shape) + ")";
    }

    /**
     * The product of the dimensions, saturated just above {@link Integer#MAX_VALUE} so that it
     * cannot overflow and still tells whether the array fits in a Java array.
     */
    static long elementCount(int[] shape) {
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + shapeText(shape) + " has a negative dimension");
            }
            count = Math.min(count * dim, (long) Integer.MAX_VALUE + 1);
        }
        return count;
    }

    static String shapeText(int[] shape) {
        return shapeText(Arrays.stream(shape).boxed().toList());
    }

    /** The shape as Python writes a tuple, as in .npy headers: (), (5,), (16, 5). */
    static String shapeText(List<?> dims) {
        if (dims.size() == 1) {
            return "(" + dims.get(0) + ",)";
        }
        StringJoiner joined = new StringJoiner(", ", "(", ")");
        for (Object dim : dims) {
            joined.add(dim.toString());
        }
        return joined.toString();
    }

    /** Rearranges elements stored in Fortran order (first axis fastest) into C order. */
    static double[] fortranToC(double[] fortranOrder, int[] shape) {
        int[] cIndex = fortranToCIndex(shape);
        double[] c = new double[fortranOrder.length];
        for (int f = 0; f < cIndex.length; f++) {
            c[cIndex[f]] = fortranOrder[f];
        }
        return c;
    }

    /** Rearranges elements in C order into Fortran order (first axis fastest). */
    static double[] cToFortran(double[] cOrder, int[] shape) {
        int[] cIndex = fortranToCIndex(shape);
        double[] f = new double[cOrder.length];
        for (int i = 0; i < cIndex.length; i++) {
            f[i] = cOrder[cIndex[i]];
        }
        return f;
    }

    /** For each position in a Fortran-order layout, the position of the same element in C order. */
    private static int[] fortranToCIndex(int[] shape) {
        int size = Math.toIntExact(elementCount(shape));
        int[] cStride = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            cStride[axis] = stride;
            stride *= shape[axis];
        }
        int[] map = new int[size];
        int[] coordinate = new int[shape.length];
        int c = 0;
        for (int f = 0; f < size; f++) {
            map[f] = c;
            for (int axis = 0; axis < shape.length; axis++) {
                coordinate[axis]++;
                c += cStride[axis];
                if (coordinate[axis] < shape[axis]) {
                    break;
                }
                c -= cStride[axis] * shape[axis];
                coordinate[axis] = 0;
            }
        }
        return map;
    }

    /** An element type this package can read and write, with its byte order. */
    static final class Dtype {
        private static final String SUPPORTED =
                "bool (b1), int8 (i1), uint8 (u1), int16 (i2), uint16 (u2), int32 (i4), int64 (i8), "
                        + "float32 (f4), float64 (f8)";
        private final char kind;
        private final int itemSize;
        private final ByteOrder order;

        private Dtype(char kind, int itemSize, ByteOrder order) {
            this.kind = kind;
            this.itemSize = itemSize;
            this.order = order;
        }

        /**
         * Reads a descr string such as {@code "<f4"}.
         *
         * @throws IllegalArgumentException whose message says, in words fit for a user, why the
         *     dtype is not supported
         */
        static Dtype parse(String descr) {
            if (descr.length() < 2 || "<>|=".indexOf(descr.charAt(0)) < 0) {
                throw unsupported(descr, "it does not start with a byte order '<', '>', '|' or '='");
            }
            char kind = descr.charAt(1);
            int itemSize = parseItemSize(descr.substring(2));
            if (!isSupported(kind, itemSize)) {
                throw unsupported(descr, kindDescription(kind, itemSize));
            }
            ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new Dtype(kind, itemSize, order);
        }

        private static int parseItemSize(String digits) {
            if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Integer.parseInt(digits);
        }

        private static boolean isSupported(char kind, int itemSize) {
            return switch (kind) {
                case 'b' -> itemSize == 1;
                case 'i' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
                case 'u' -> itemSize == 1 || itemSize == 2;
                case 'f' -> itemSize == 4 || itemSize == 8;
                default -> false;
            };
        }

        private static String kindDescription(char kind, int itemSize) {
            if ("biuf".indexOf(kind) >= 0 && itemSize < 0) {
                return "its item size is missing or malformed";
            }
            return switch (kind) {
                case 'O' -> "object arrays (pickled Python objects) are not supported";
                case 'U', 'S', 'a' -> "string arrays are not supported";
                case 'c' -> "complex numbers are not supported";
                case 'V' -> "structured (void) dtypes are not supported";
                case 'M', 'm' -> "dates and time deltas are not supported";
                case 'f' -> itemSize + "-byte floats are not supported";
                case 'i', 'u' -> itemSize + "-byte " + (kind == 'i' ? "signed" : "unsigned")
                        + " integers are not supported";
                default -> "it is not a known numeric type";
            };
        }

        private static IllegalArgumentException unsupported(String descr, String reason) {
            return new IllegalArgumentException(
                    "unsupported dtype '" + ShownText.of(descr, 40) + "': " + reason + "; supported: " + SUPPORTED);
        }

        String descr() {
            char orderChar = itemSize == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
            return "" + orderChar + kind + itemSize;
        }

        int itemSize() {
            return itemSize;
        }

        ByteOrder order() {
            return order;
        }

        boolean isIntegral() {
            return kind != 'f';
        }

        /** True if some stored values have no exact double (only int64 has such values). */
        boolean mayExceedDouble() {
            return kind == 'i' && itemSize == 8;
        }

        /** Reads one element at the buffer's position; the buffer must use {@link #order()}. */
        double read(ByteBuffer in) {
            return switch (kind) {
                // NumPy treats any non-zero byte as True.
                case 'b' -> in.get() == 0 ? 0 : 1;
                case 'i' -> switch (itemSize) {
                    case 1 -> in.get();
                    case 2 -> in.getShort();
                    case 4 -> in.getInt();
                    default -> in.getLong();
                };
                case 'u' -> itemSize == 1 ? Byte.toUnsignedInt(in.get()) : Short.toUnsignedInt(in.getShort());
                default -> itemSize == 4 ? in.getFloat() : in.getDouble();
            };
        }

        /**
         * Writes one element at the buffer's position; the buffer must use {@link #order()}.
         *
         * @throws IllegalArgumentException if this dtype cannot hold the value exactly (floats
         *     excepted: float32 rounds, as NumPy's cast does)
         */
        void write(ByteBuffer out, double value) {
            if (kind == 'f') {
                if (itemSize == 4) {
                    out.putFloat((float) value);
                } else {
                    out.putDouble(value);
                }
                return;
            }
            long whole = integerValue(value);
            switch (itemSize) {
                case 1 -> out.put((byte) whole);
                case 2 -> out.putShort((short) whole);
                case 4 -> out.putInt((int) whole);
                default -> out.putLong(whole);
            }
        }

        private long integerValue(double value) {
            // Powers of two, so both bounds are exact doubles even for int64.
            double min = kind == 'i' ? -Math.pow(2, 8 * itemSize - 1) : 0;
            double maxExclusive = kind == 'b' ? 2 : min + Math.pow(2, 8 * itemSize);
            if (value != Math.rint(value) || value < min || value >= maxExclusive) {
                throw new IllegalArgumentException(
                        "value " + value + " cannot be stored exactly as " + descr());
            }
            return (long) value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Dtype that && descr().equals(that.descr());
        }

        @Override
        public int hashCode() {
            return descr().hashCode();
        }
    }
}
