package dev.fgc.quantize;

/**
 * A quantized constant: integers in a format, row-major [rows][cols] (matrices already in the
 * kernels' [out][in] orientation), with the largest magnitude of the float values it came from.
 */
public record QTensor(String name, int rows, int cols, int[] values, QFormat format, double maxAbs) {

    public QTensor {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + rows + "x" + cols);
        }
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int value(int i) {
        return values[i];
    }

    public int size() {
        return values.length;
    }

    public int bytes() {
        return values.length * format.bits() / 8;
    }

    /** Quantizes {@code v} (row-major, rows × cols) into {@code format}. */
    public static QTensor of(String name, int rows, int cols, double[] v, QFormat format) {
        int[] q = new int[v.length];
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            q[i] = format.quantize(v[i]);
            max = Math.max(max, Math.abs(v[i]));
        }
        return new QTensor(name, rows, cols, q, format, max);
    }

    public String cType() {
        return switch (format.bits()) {
            case 8 -> "int8_t";
            case 16 -> "int16_t";
            default -> "int32_t";
        };
    }
}
