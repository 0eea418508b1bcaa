package dev.fgc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.Resources;
import dev.fgc.emit.RuntimeFiles;
import dev.fgc.pack.CompressedRows;
import dev.fgc.quantize.FixedKernels;
import dev.fgc.testing.HostC;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compressed-row products of fgc_sparse.h on the host (strict flags, UBSan, ASan) against the
 * dense products of the Java mirror (docs/fixed-point.md §3.2), with the compressed form built by
 * the compiler's own {@link CompressedRows}: all-zero rows and columns, a fully zero matrix, 256 and
 * 257 columns (the index width switch), rank-1 shapes, int8 and int16 weights, float.
 */
class SparseKernelsHostTest {
    private static final String DRIVER = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "fgc_sparse.h"

            static int32_t next(FILE *f) { int32_t v; if (fread(&v, 4, 1, f) != 1) exit(0); return v; }

            int main(int argc, char **argv)
            {
                FILE *in = fopen(argv[1], "rb");
                (void)argc;
                for (;;) {
                    int32_t kind = next(in), rows = next(in), cols = next(in), nnz = next(in);
                    int32_t shift = next(in), acc = next(in), i;
                    uint16_t *counts = malloc(sizeof(uint16_t) * (size_t)(rows + 1));
                    uint8_t *i8 = malloc((size_t)nnz + 1);
                    uint16_t *i16 = malloc(sizeof(uint16_t) * (size_t)(nnz + 1));
                    int8_t *v8 = malloc((size_t)nnz + 1);
                    int16_t *v16 = malloc(sizeof(int16_t) * (size_t)(nnz + 1));
                    float *vf = malloc(sizeof(float) * (size_t)(nnz + 1));
                    int16_t *x = malloc(sizeof(int16_t) * (size_t)cols);
                    float *xf = malloc(sizeof(float) * (size_t)cols);
                    int32_t *y = malloc(sizeof(int32_t) * (size_t)rows);
                    float *yf = malloc(sizeof(float) * (size_t)rows);
                    for (i = 0; i < rows; i++) counts[i] = (uint16_t)next(in);
                    for (i = 0; i < nnz; i++) { int32_t c = next(in); i8[i] = (uint8_t)c; i16[i] = (uint16_t)c; }
                    for (i = 0; i < nnz; i++) { int32_t v = next(in); v8[i] = (int8_t)v; v16[i] = (int16_t)v;
                                                memcpy(&vf[i], &v, 4); }
                    for (i = 0; i < cols; i++) { int32_t v = next(in); x[i] = (int16_t)v; memcpy(&xf[i], &v, 4); }
                    for (i = 0; i < rows; i++) { int32_t v = next(in); y[i] = v; memcpy(&yf[i], &v, 4); }
                    switch (kind) {
                    case 0:
                        if (cols > 256) {
                            fgc_spmv_q7_q15_i16(counts, i16, v8, x, (uint16_t)rows, (uint8_t)shift, acc, y);
                        } else {
                            fgc_spmv_q7_q15_i8(counts, i8, v8, x, (uint16_t)rows, (uint8_t)shift, acc, y);
                        }
                        break;
                    case 1:
                        if (cols > 256) {
                            fgc_spmv_q15_q15_i16(counts, i16, v16, x, (uint16_t)rows, (uint8_t)shift, acc, y);
                        } else {
                            fgc_spmv_q15_q15_i8(counts, i8, v16, x, (uint16_t)rows, (uint8_t)shift, acc, y);
                        }
                        break;
                    default:
                        if (cols > 256) {
                            fgc_spmv_f32_i16(counts, i16, vf, xf, (uint16_t)rows, acc, yf);
                        } else {
                            fgc_spmv_f32_i8(counts, i8, vf, xf, (uint16_t)rows, acc, yf);
                        }
                        memcpy(y, yf, sizeof(float) * (size_t)rows);
                        break;
                    }
                    fwrite(y, 4, (size_t)rows, stdout);
                    free(counts); free(i8); free(i16); free(v8); free(v16); free(vf); free(x); free(xf); free(y); free(yf);
                }
            }
            """;

    @TempDir
    Path tmp;

    private record Case(int kind, int rows, int cols, int[] dense, int[] x, int[] y, int shift, boolean acc) {
    }

    @Test
    void compressedRowsEqualTheDenseProducts() throws IOException {
        Random r = new Random(42);
        List<Case> cases = new ArrayList<>();
        int[][] shapes = {{1, 1}, {1, 40}, {40, 1}, {5, 80}, {80, 5}, {32, 256}, {32, 257}, {3, 300}, {7, 7}};
        for (int kind = 0; kind < 3; kind++) {
            for (int[] s : shapes) {
                for (double density : new double[] {0.0, 0.05, 0.3, 1.0}) {
                    cases.add(randomCase(r, kind, s[0], s[1], density, false));
                    cases.add(randomCase(r, kind, s[0], s[1], density, true));
                }
            }
        }
        for (int i = 0; i < 300; i++) {
            cases.add(randomCase(r, r.nextInt(3), 1 + r.nextInt(40), 1 + r.nextInt(300), r.nextDouble(), r.nextBoolean()));
        }
        ByteBuffer in = ByteBuffer.allocate(64 << 20).order(ByteOrder.LITTLE_ENDIAN);
        for (Case c : cases) {
            CompressedRows cr = CompressedRows.of(c.dense(), c.rows(), c.cols());
            for (int v : new int[] {c.kind(), c.rows(), c.cols(), cr.values().length, c.shift(), c.acc() ? 1 : 0}) {
                in.putInt(v);
            }
            for (int[] part : new int[][] {cr.counts(), cr.indices(), cr.values(), c.x(), c.y()}) {
                for (int v : part) {
                    in.putInt(v);
                }
            }
        }
        GeneratedFiles files = new GeneratedFiles();
        for (String h : RuntimeFiles.fixedHeaders()) {
            files.add(h, Resources.bytes("runtime-c/include/" + h));
        }
        files.add("fgc_sparse_q15.c", Resources.bytes("runtime-c/src/fgc_sparse_q15.c"))
                .add("fgc_sparse_f32.c", Resources.bytes("runtime-c/src/fgc_sparse_f32.c"))
                .add("driver.c", DRIVER);
        files.writeTo(tmp);
        byte[] input = java.util.Arrays.copyOf(in.array(), in.position());
        ByteBuffer out = ByteBuffer.wrap(HostC.run(HostC.build(tmp, "sparse"), input)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).order(ByteOrder.LITTLE_ENDIAN);
        for (Case c : cases) {
            int[] got = new int[c.rows()];
            for (int i = 0; i < got.length; i++) {
                got[i] = out.getInt();
            }
            assertArrayEquals(expected(c), got, c.kind() + " " + c.rows() + "x" + c.cols() + " acc=" + c.acc());
        }
        assertEquals(0, out.remaining());
    }

    private static int[] expected(Case c) {
        if (c.kind() == 2) {
            float[] y = new float[c.rows()];
            for (int r = 0; r < c.rows(); r++) {
                float acc = 0;
                for (int k = 0; k < c.cols(); k++) {
                    float w = Float.intBitsToFloat(c.dense()[r * c.cols() + k]);
                    if (c.dense()[r * c.cols() + k] != 0) {
                        acc += w * Float.intBitsToFloat(c.x()[k]);
                    }
                }
                y[r] = c.acc() ? Float.intBitsToFloat(c.y()[r]) + acc : acc;
            }
            int[] bits = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                bits[i] = Float.floatToIntBits(y[i]);
            }
            return bits;
        }
        if (c.kind() == 0) {
            return c.acc() ? FixedKernels.matvecAccQ7Q15(c.dense(), c.x(), c.rows(), c.cols(), c.shift(), c.y())
                    : FixedKernels.matvecQ7Q15(c.dense(), c.x(), c.rows(), c.cols(), c.shift());
        }
        return c.acc() ? FixedKernels.matvecAccQ15Q15(c.dense(), c.x(), c.rows(), c.cols(), c.shift(), c.y())
                : FixedKernels.matvecQ15Q15(c.dense(), c.x(), c.rows(), c.cols(), c.shift());
    }

    private static Case randomCase(Random r, int kind, int rows, int cols, double density, boolean acc) {
        int[] dense = new int[rows * cols];
        int[] x = new int[cols];
        int[] y = new int[rows];
        // int8 rows must keep sum |w| * 2^15 < 2^31: at most 511 columns of ±127 (§3.2).
        for (int i = 0; i < dense.length; i++) {
            if (r.nextDouble() < density) {
                dense[i] = switch (kind) {
                    case 0 -> r.nextInt(255) - 127;
                    case 1 -> r.nextInt(65536) - 32768;
                    default -> Float.floatToIntBits((float) r.nextGaussian());
                };
            }
        }
        if (rows > 2 && kind != 2) {
            java.util.Arrays.fill(dense, cols, 2 * cols, 0); // an all-zero row
        }
        for (int i = 0; i < cols; i++) {
            x[i] = kind == 2 ? Float.floatToIntBits((float) r.nextGaussian()) : r.nextInt(65536) - 32768;
        }
        for (int i = 0; i < rows; i++) {
            y[i] = kind == 2 ? Float.floatToIntBits((float) r.nextGaussian()) : r.nextInt();
        }
        return new Case(kind, rows, cols, dense, x, y, kind == 2 ? 0 : r.nextInt(kind == 0 ? 20 : 40), acc);
    }
}
