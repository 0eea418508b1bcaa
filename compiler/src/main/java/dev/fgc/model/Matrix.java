package dev.fgc.model;

import java.util.Arrays;

/** An immutable dense matrix, row-major. Vectors are 1×n matrices. */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] values;

    public Matrix(int rows, int cols, double[] values) {
        if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException(
                    "matrix " + rows + "x" + cols + " cannot hold " + values.length + " values");
        }
        this.rows = rows;
        this.cols = cols;
        this.values = values.clone();
    }

    public static Matrix rowVector(double[] values) {
        return new Matrix(1, values.length, values);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return values.length;
    }

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    /** A copy of the values, row-major. */
    public double[] values() {
        return values.clone();
    }

    public int nonZeros() {
        int n = 0;
        for (double v : values) {
            if (v != 0.0) {
                n++;
            }
        }
        return n;
    }

    public Matrix transpose() {
        double[] t = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /** Row vector times this matrix: {@code y = x·M}, EdgeML's convention. */
    public double[] leftMultiply(double[] x) {
        if (x.length != rows) {
            throw new IllegalArgumentException("vector of " + x.length + " times matrix " + shape());
        }
        double[] y = new double[cols];
        for (int r = 0; r < rows; r++) {
            double xr = x[r];
            for (int c = 0; c < cols; c++) {
                y[c] += xr * values[r * cols + c];
            }
        }
        return y;
    }

    /** The product {@code this·other}. */
    public Matrix multiply(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("matrix " + shape() + " times " + other.shape());
        }
        double[] p = new double[rows * other.cols];
        for (int r = 0; r < rows; r++) {
            double[] row = other.leftMultiply(Arrays.copyOfRange(values, r * cols, (r + 1) * cols));
            System.arraycopy(row, 0, p, r * other.cols, other.cols);
        }
        return new Matrix(rows, other.cols, p);
    }

    public String shape() {
        return "[" + rows + ", " + cols + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Matrix" + shape();
    }
}
