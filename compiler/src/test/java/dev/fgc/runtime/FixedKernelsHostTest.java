package dev.fgc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.RuntimeFiles;
import dev.fgc.quantize.FixedKernels;
import dev.fgc.quantize.Precision;
import dev.fgc.testing.HostC;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixed-point C kernel against its Java mirror {@link FixedKernels}, bit for bit, on
 * thousands of random cases per kernel (fixed seeds): random lengths 1 … 70, formats over the
 * whole range of docs/fixed-point.md §1 (negative ones, and ones that force saturation), data
 * with the extreme values of each type. The C is built once with the product's strict flags and
 * UBSan/ASan (exact-size heap buffers, so any out-of-bounds access or overflow fails the run);
 * a driver reads the cases from a binary file and writes the results to another.
 *
 * <p>The vector kernels of {@code fgc_q15.h} are loops over the inline element and row functions
 * of {@code fgc_q15_inline.h} that generated models call, so their cases cover those too; the
 * inline kernels a model calls besides (summed products, single rows at any length, the
 * nonlinearities specialised on a compile-time format) have cases of their own.
 */
class FixedKernelsHostTest {
    private static final int MAX_DIM = 70;

    private enum Op {
        NORMALIZE, MATVEC_Q7, MATVEC_ACC_Q7, MATVEC_Q15, MATVEC_ACC_Q15, NARROW, BIAS_Q15, BIAS_Q31, ARGMAX,
        SIGMOID, TANH, RELU, QUANT_SIGM, QUANT_SIGM4, QUANT_TANH, GRNN, GRNN_WIDE, RNN, RNN_WIDE,
        MATVEC2_Q7, MATVEC2_Q15, ROWS_Q7, ROWS_Q15, NONLIN_CONST
    }

    /*
     * Input: a sequence of cases, each an int32 opcode (Op.ordinal()) then int32 parameters, then
     * arrays as int8/int16/int32 by their C type, all little-endian. Output (<input>.out): the
     * results of every case in order, as int32 little-endian; stdout: "cases N".
     */
    private static final String DRIVER = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "fgc_q15_inline.h"

            static unsigned char *data;
            static size_t pos, len;
            static FILE *out;

            static void die(const char *why)
            {
                fprintf(stderr, "driver: %s at byte %lu\\n", why, (unsigned long)pos);
                exit(2);
            }

            static int32_t next32(void)
            {
                uint32_t u;
                if (len - pos < 4) {
                    die("truncated input");
                }
                u = (uint32_t)data[pos] | (uint32_t)data[pos + 1] << 8 | (uint32_t)data[pos + 2] << 16
                    | (uint32_t)data[pos + 3] << 24;
                pos += 4;
                return u > 0x7fffffffu ? -(int32_t)(0xffffffffu - u) - 1 : (int32_t)u;
            }

            static int16_t next16(void)
            {
                uint32_t u;
                if (len - pos < 2) {
                    die("truncated input");
                }
                u = (uint32_t)data[pos] | (uint32_t)data[pos + 1] << 8;
                pos += 2;
                return (int16_t)(u > 0x7fffu ? -(int32_t)(0xffffu - u) - 1 : (int32_t)u);
            }

            static int8_t next8(void)
            {
                uint32_t u;
                if (len - pos < 1) {
                    die("truncated input");
                }
                u = data[pos++];
                return (int8_t)(u > 0x7fu ? -(int32_t)(0xffu - u) - 1 : (int32_t)u);
            }

            static void *alloc(size_t n, size_t size)
            {
                void *p = malloc(n * size);
                if (p == NULL) {
                    die("out of memory");
                }
                return p;
            }

            /* int8 weights as a model stores them (biased where FGC_W8_BIASED is defined) */
            static fgc_w8_t *read8(size_t n)
            {
                fgc_w8_t *a = alloc(n, sizeof *a);
                size_t i;
                for (i = 0; i < n; i++) {
                    a[i] = (fgc_w8_t)FGC_W8(next8());
                }
                return a;
            }

            static int16_t *read16(size_t n)
            {
                int16_t *a = alloc(n, sizeof *a);
                size_t i;
                for (i = 0; i < n; i++) {
                    a[i] = next16();
                }
                return a;
            }

            static int32_t *read32(size_t n)
            {
                int32_t *a = alloc(n, sizeof *a);
                size_t i;
                for (i = 0; i < n; i++) {
                    a[i] = next32();
                }
                return a;
            }

            static void put(int32_t v)
            {
                uint32_t u = (uint32_t)v;
                fputc((int)(u & 0xffu), out);
                fputc((int)(u >> 8 & 0xffu), out);
                fputc((int)(u >> 16 & 0xffu), out);
                fputc((int)(u >> 24 & 0xffu), out);
            }

            static void put16s(const int16_t *y, size_t n)
            {
                size_t i;
                for (i = 0; i < n; i++) {
                    put(y[i]);
                }
            }

            static void put32s(const int32_t *y, size_t n)
            {
                size_t i;
                for (i = 0; i < n; i++) {
                    put(y[i]);
                }
            }

            static uint16_t dim(void)
            {
                int32_t n = next32();
                if (n < 1 || n > 65535) {
                    die("bad dimension");
                }
                return (uint16_t)n;
            }

            static int8_t frac(void)
            {
                int32_t f = next32();
                if (f < -16 || f > 30) {
                    die("bad format");
                }
                return (int8_t)f;
            }

            typedef void (*nonlin)(const int16_t *, uint16_t, int8_t, int16_t *);
            typedef void (*matvec8)(const fgc_w8_t *, const int16_t *, uint16_t, uint16_t, uint8_t, int32_t *);
            typedef void (*matvec16)(const int16_t *, const int16_t *, uint16_t, uint16_t, uint8_t, int32_t *);
            typedef void (*grnn)(const int16_t *, int8_t, const int16_t *, int8_t, int16_t, int16_t, uint16_t, int8_t,
                                 int16_t *);
            typedef void (*rnn)(const int16_t *, int8_t, int16_t, int16_t, uint16_t, int8_t, int16_t *);

            /* The element function fn at a compile-time format: one specialised loop per format of §1. */
            #define AT(fn, f) case (f) + 16: for (i = 0; i < n; i++) { y[i] = (int16_t)fn(x[i], (f)); } break;
            #define EVERY_FORMAT(fn) switch (f + 16) { \\
                AT(fn, -16) AT(fn, -15) AT(fn, -14) AT(fn, -13) AT(fn, -12) AT(fn, -11) AT(fn, -10) AT(fn, -9) \\
                AT(fn, -8) AT(fn, -7) AT(fn, -6) AT(fn, -5) AT(fn, -4) AT(fn, -3) AT(fn, -2) AT(fn, -1) \\
                AT(fn, 0) AT(fn, 1) AT(fn, 2) AT(fn, 3) AT(fn, 4) AT(fn, 5) AT(fn, 6) AT(fn, 7) AT(fn, 8) \\
                AT(fn, 9) AT(fn, 10) AT(fn, 11) AT(fn, 12) AT(fn, 13) AT(fn, 14) AT(fn, 15) AT(fn, 16) \\
                AT(fn, 17) AT(fn, 18) AT(fn, 19) AT(fn, 20) AT(fn, 21) AT(fn, 22) AT(fn, 23) AT(fn, 24) \\
                AT(fn, 25) AT(fn, 26) AT(fn, 27) AT(fn, 28) AT(fn, 29) AT(fn, 30) default: die("bad format"); }

            static void nonlin_at_constant_format(int32_t which, const int16_t *x, uint16_t n, int8_t f, int16_t *y)
            {
                uint32_t i;
                switch (which) {
                case 0: EVERY_FORMAT(fgc_sigmoid_q15_el) break;
                case 1: EVERY_FORMAT(fgc_tanh_q15_el) break;
                case 2: EVERY_FORMAT(fgc_relu_q15_el) break;
                case 3: EVERY_FORMAT(fgc_quant_sigm_q15_el) break;
                case 4: EVERY_FORMAT(fgc_quant_sigm4_q15_el) break;
                case 5: EVERY_FORMAT(fgc_quant_tanh_q15_el) break;
                default: die("bad nonlinearity");
                }
            }

            int main(int argc, char **argv)
            {
                static const nonlin nonlins[6] = {fgc_sigmoid_q15, fgc_tanh_q15, fgc_relu_q15, fgc_quant_sigm_q15,
                                                  fgc_quant_sigm4_q15, fgc_quant_tanh_q15};
                FILE *in;
                char name[4096];
                long size;
                unsigned long cases = 0;
                if (argc != 2 || strlen(argv[1]) > sizeof name - 8) {
                    die("usage: kernels INPUT");
                }
                in = fopen(argv[1], "rb");
                if (in == NULL || fseek(in, 0, SEEK_END) != 0 || (size = ftell(in)) < 0 || fseek(in, 0, SEEK_SET) != 0) {
                    die("cannot read input");
                }
                len = (size_t)size;
                data = alloc(len + 1, 1);
                if (fread(data, 1, len, in) != len) {
                    die("cannot read input");
                }
                fclose(in);
                sprintf(name, "%s.out", argv[1]);
                out = fopen(name, "wb");
                if (out == NULL) {
                    die("cannot write output");
                }
                while (pos < len) {
                    int32_t op = next32();
                    cases++;
                    switch (op) {
                    case 0: { /* normalize: n shift alias x mean inv_std */
                        uint16_t n = dim();
                        uint8_t shift = (uint8_t)next32();
                        int32_t alias = next32();
                        int16_t *x = read16(n), *mean = read16(n), *inv = read16(n);
                        int16_t *y = alias ? x : alloc(n, sizeof *y);
                        fgc_normalize_q15(x, mean, inv, n, shift, y);
                        put16s(y, n);
                        if (!alias) {
                            free(y);
                        }
                        free(x);
                        free(mean);
                        free(inv);
                        break;
                    }
                    case 1:
                    case 2:
                    case 3:
                    case 4: { /* matvec q7 (1; 2 accumulating), q15 (3; 4): rows cols shift m v [y] */
                        uint16_t rows = dim(), cols = dim();
                        uint8_t shift = (uint8_t)next32();
                        int q7 = op <= 2, acc = op == 2 || op == 4;
                        void *m = q7 ? (void *)read8((size_t)rows * cols) : (void *)read16((size_t)rows * cols);
                        int16_t *v = read16(cols);
                        int32_t *y = acc ? read32(rows) : alloc(rows, sizeof *y);
                        if (q7) {
                            matvec8 k = acc ? fgc_matvec_acc_q7_q15 : fgc_matvec_q7_q15;
                            k(m, v, rows, cols, shift, y);
                        } else {
                            matvec16 k = acc ? fgc_matvec_acc_q15_q15 : fgc_matvec_q15_q15;
                            k(m, v, rows, cols, shift, y);
                        }
                        put32s(y, rows);
                        free(m);
                        free(v);
                        free(y);
                        break;
                    }
                    case 5: { /* narrow: n a */
                        uint16_t n = dim();
                        int32_t *a = read32(n);
                        int16_t *y = alloc(n, sizeof *y);
                        fgc_narrow_q15(a, n, y);
                        put16s(y, n);
                        free(a);
                        free(y);
                        break;
                    }
                    case 6: { /* bias q15: n alias a b */
                        uint16_t n = dim();
                        int32_t alias = next32();
                        int32_t *a = read32(n);
                        int16_t *b = read16(n);
                        int16_t *y = alias ? b : alloc(n, sizeof *y);
                        fgc_bias_q15(a, b, n, y);
                        put16s(y, n);
                        if (!alias) {
                            free(y);
                        }
                        free(a);
                        free(b);
                        break;
                    }
                    case 7: { /* bias q31: n alias(0 none, 1 a, 2 b) a b */
                        uint16_t n = dim();
                        int32_t alias = next32();
                        int32_t *a = read32(n), *b = read32(n);
                        int32_t *y = alias == 1 ? a : alias == 2 ? b : alloc(n, sizeof *y);
                        fgc_bias_q31(a, b, n, y);
                        put32s(y, n);
                        if (alias == 0) {
                            free(y);
                        }
                        free(a);
                        free(b);
                        break;
                    }
                    case 8: { /* argmax: n v */
                        uint16_t n = dim();
                        int32_t *v = read32(n);
                        put(fgc_argmax_q31(v, n));
                        free(v);
                        break;
                    }
                    case 9:
                    case 10:
                    case 11:
                    case 12:
                    case 13:
                    case 14: { /* nonlinearity: n f alias x */
                        uint16_t n = dim();
                        int8_t f = frac();
                        int32_t alias = next32();
                        int16_t *x = read16(n);
                        int16_t *y = alias ? x : alloc(n, sizeof *y);
                        nonlins[op - 9](x, n, f, y);
                        put16s(y, n);
                        if (!alias) {
                            free(y);
                        }
                        free(x);
                        break;
                    }
                    case 15:
                    case 16: { /* fastgrnn: n fz fc zeta nu fh z c h */
                        uint16_t n = dim();
                        int8_t fz = frac(), fc = frac();
                        int16_t zeta = (int16_t)next32(), nu = (int16_t)next32();
                        int8_t fh = frac();
                        int16_t *z = read16(n), *c = read16(n), *h = read16(n);
                        grnn k = op == 16 ? fgc_fastgrnn_blend_wide_q15 : fgc_fastgrnn_blend_q15;
                        k(z, fz, c, fc, zeta, nu, n, fh, h);
                        put16s(h, n);
                        free(z);
                        free(c);
                        free(h);
                        break;
                    }
                    case 17:
                    case 18: { /* fastrnn: n fc alpha beta fh c h */
                        uint16_t n = dim();
                        int8_t fc = frac();
                        int16_t alpha = (int16_t)next32(), beta = (int16_t)next32();
                        int8_t fh = frac();
                        int16_t *c = read16(n), *h = read16(n);
                        rnn k = op == 18 ? fgc_fastrnn_blend_wide_q15 : fgc_fastrnn_blend_q15;
                        k(c, fc, alpha, beta, n, fh, h);
                        put16s(h, n);
                        free(c);
                        free(h);
                        break;
                    }
                    case 19:
                    case 20: { /* matvec2 (q7, q15): rows cols1 cols2 shift1 shift2 m1 v1 m2 v2 */
                        uint16_t rows = dim(), c1 = dim(), c2 = dim();
                        int s1 = next32(), s2 = next32();
                        void *m1 = op == 19 ? (void *)read8((size_t)rows * c1) : (void *)read16((size_t)rows * c1);
                        int16_t *v1 = read16(c1);
                        void *m2 = op == 19 ? (void *)read8((size_t)rows * c2) : (void *)read16((size_t)rows * c2);
                        int16_t *v2 = read16(c2);
                        int32_t *y = alloc(rows, sizeof *y);
                        if (op == 19) {
                            fgc_matvec2_q7_q15_inl(m1, v1, c1, s1, m2, v2, c2, s2, rows, y);
                        } else {
                            fgc_matvec2_q15_q15_inl(m1, v1, c1, s1, m2, v2, c2, s2, rows, y);
                        }
                        put32s(y, rows);
                        free(m1);
                        free(v1);
                        free(m2);
                        free(v2);
                        free(y);
                        break;
                    }
                    case 21:
                    case 22: { /* rows one by one (q7, q15): rows cols shift acc m v [y] */
                        uint16_t rows = dim(), cols = dim();
                        int shift = next32();
                        int32_t acc = next32();
                        fgc_w8_t *m8 = op == 21 ? read8((size_t)rows * cols) : NULL;
                        int16_t *m16 = op == 22 ? read16((size_t)rows * cols) : NULL;
                        int16_t *v = read16(cols);
                        int32_t *y = acc ? read32(rows) : alloc(rows, sizeof *y);
                        uint32_t r;
                        for (r = 0; r < rows; r++) {
                            if (op == 21) {
                                y[r] = acc ? fgc_matvec_acc_q7_q15_row(y[r], m8 + (size_t)r * cols, v, cols, shift)
                                           : fgc_matvec_q7_q15_row(m8 + (size_t)r * cols, v, cols, shift);
                            } else {
                                y[r] = acc ? fgc_matvec_acc_q15_q15_row(y[r], m16 + (size_t)r * cols, v, cols, shift)
                                           : fgc_matvec_q15_q15_row(m16 + (size_t)r * cols, v, cols, shift);
                            }
                        }
                        put32s(y, rows);
                        free(m8);
                        free(m16);
                        free(v);
                        free(y);
                        break;
                    }
                    case 23: { /* nonlinearity at a compile-time format: which n f x */
                        int32_t which = next32();
                        uint16_t n = dim();
                        int8_t f = frac();
                        int16_t *x = read16(n);
                        int16_t *y = alloc(n, sizeof *y);
                        nonlin_at_constant_format(which, x, n, f, y);
                        put16s(y, n);
                        free(x);
                        free(y);
                        break;
                    }
                    default:
                        die("unknown opcode");
                    }
                }
                if (fclose(out) != 0) {
                    die("cannot write output");
                }
                free(data);
                printf("cases %lu\\n", cases);
                return 0;
            }
            """;

    @TempDir
    static Path tmp;
    /** The driver with int8 weights stored as int8_t, and stored biased (as on Thumb-1, fgc_q15.h). */
    static List<Path> drivers;

    @BeforeAll
    static void buildDrivers() throws IOException {
        GeneratedFiles files = RuntimeFiles.forPrecision(Precision.INT16).add("driver.c", DRIVER);
        files.writeTo(tmp.resolve("signed"));
        files.writeTo(tmp.resolve("biased"));
        drivers = List.of(HostC.build(tmp.resolve("signed"), "kernels"),
                HostC.build(tmp.resolve("biased"), "kernels", "-DFGC_W8_BIASED"));
    }

    /** Both fixed precisions ship one runtime, with every header its files include. */
    @Test
    void bothFixedPrecisionsShipTheQ15Runtime() {
        GeneratedFiles runtime = RuntimeFiles.forPrecision(Precision.INT16);
        var int16 = runtime.asMap().keySet();
        assertEquals(int16, RuntimeFiles.forPrecision(Precision.INT8).asMap().keySet());
        assertEquals(true, int16.contains("fgc_q15.h") && int16.contains("fgc_q15_inline.h")
                && int16.contains("fgc_tanh_table_q15.c") && int16.contains("fgc_memory.h")
                && int16.contains("fgc_q15_avr.h"), int16.toString());
        Pattern include = Pattern.compile("(?m)^#include \"([^\"]+)\"");
        for (String name : int16) {
            Matcher m = include.matcher(runtime.text(name));
            while (m.find()) {
                assertTrue(int16.contains(m.group(1)), name + " includes " + m.group(1) + ", which is not shipped");
            }
        }
    }

    // ------------------------------------------------------------------ cases

    @Test
    void normalize() throws IOException {
        Random rnd = new Random(101);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int n = dim(rnd);
            int shift = rnd.nextInt(8) == 0 ? rnd.nextInt(256) : rnd.nextInt(40);
            boolean alias = rnd.nextBoolean();
            int[] x = int16s(rnd, n);
            int[] mean = int16s(rnd, n);
            int[] inv = rnd.nextInt(4) == 0 ? int16s(rnd, n) : nonNegative(int16s(rnd, n));
            b.op(Op.NORMALIZE, n, shift, alias ? 1 : 0).i16(x).i16(mean).i16(inv);
            b.expect(FixedKernels.normalizeQ15(x, mean, inv, shift),
                    () -> "normalize shift " + shift + " x " + Arrays.toString(x) + " mean " + Arrays.toString(mean)
                            + " inv_std " + Arrays.toString(inv));
        }
        b.runAndCheck();
    }

    /** Products with int8 or int16 weights, alone and accumulated into y, on random shapes. */
    @ParameterizedTest(name = "int{0} weights")
    @ValueSource(ints = {8, 16})
    void matvec(int bits) throws IOException {
        boolean q7 = bits == 8;
        String name = q7 ? "q7" : "q15";
        Random rnd = new Random(q7 ? 202 : 303);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int rows = dim(rnd);
            int cols = dim(rnd);
            int shift = matvecShift(rnd);
            int[] m = q7 ? int8s(rnd, rows * cols) : int16s(rnd, rows * cols);
            int[] v = int16s(rnd, cols);
            Supplier<String> what = () -> rows + "x" + cols + " shift " + shift + " m " + Arrays.toString(m) + " v "
                    + Arrays.toString(v);
            if (rnd.nextBoolean()) {
                b.op(q7 ? Op.MATVEC_Q7 : Op.MATVEC_Q15, rows, cols, shift).weights(q7, m).i16(v);
                b.expect(product(q7, m, v, rows, cols, shift, null), () -> "matvec_" + name + " " + what.get());
            } else {
                int[] acc = int32s(rnd, rows);
                b.op(q7 ? Op.MATVEC_ACC_Q7 : Op.MATVEC_ACC_Q15, rows, cols, shift).weights(q7, m).i16(v).i32(acc);
                b.expect(product(q7, m, v, rows, cols, shift, acc),
                        () -> "matvec_acc_" + name + " " + what.get() + " acc " + Arrays.toString(acc));
            }
        }
        b.runAndCheck();
    }

    /** The reference's product with int8 (q7) or int16 weights, accumulated into acc unless it is null. */
    private static int[] product(boolean q7, int[] m, int[] v, int rows, int cols, int shift, int[] acc) {
        if (acc == null) {
            return q7 ? FixedKernels.matvecQ7Q15(m, v, rows, cols, shift)
                    : FixedKernels.matvecQ15Q15(m, v, rows, cols, shift);
        }
        return q7 ? FixedKernels.matvecAccQ7Q15(m, v, rows, cols, shift, acc)
                : FixedKernels.matvecAccQ15Q15(m, v, rows, cols, shift, acc);
    }

    /** §3.7's pre-activation as one inline kernel: the first product, then the second accumulated. */
    @Test
    void summedProducts() throws IOException {
        Random rnd = new Random(252);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int rows = dim(rnd);
            int c1 = rnd.nextBoolean() ? 1 + rnd.nextInt(8) : dim(rnd);
            int c2 = rnd.nextBoolean() ? 1 + rnd.nextInt(8) : dim(rnd);
            int s1 = matvecShift(rnd);
            int s2 = matvecShift(rnd);
            boolean q7 = rnd.nextBoolean();
            int[] m1 = q7 ? int8s(rnd, rows * c1) : int16s(rnd, rows * c1);
            int[] m2 = q7 ? int8s(rnd, rows * c2) : int16s(rnd, rows * c2);
            int[] v1 = int16s(rnd, c1);
            int[] v2 = int16s(rnd, c2);
            int[] want = product(q7, m2, v2, rows, c2, s2, product(q7, m1, v1, rows, c1, s1, null));
            b.op(q7 ? Op.MATVEC2_Q7 : Op.MATVEC2_Q15, rows, c1, c2, s1, s2).weights(q7, m1).i16(v1).weights(q7, m2)
                    .i16(v2);
            b.expect(want, () -> "matvec2 " + (q7 ? "q7 " : "q15 ") + rows + " rows, " + c1 + " and " + c2
                    + " cols, shifts " + s1 + " " + s2 + " m1 " + Arrays.toString(m1) + " v1 " + Arrays.toString(v1)
                    + " m2 " + Arrays.toString(m2) + " v2 " + Arrays.toString(v2));
        }
        b.runAndCheck();
    }

    /** The row functions on their own, at every length (the vector kernels take long rows in blocks). */
    @Test
    void productRowsOneByOne() throws IOException {
        Random rnd = new Random(262);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = dim(rnd);
            int shift = matvecShift(rnd);
            boolean q7 = rnd.nextBoolean();
            boolean acc = rnd.nextBoolean();
            int[] m = q7 ? int8s(rnd, rows * cols) : int16s(rnd, rows * cols);
            int[] v = int16s(rnd, cols);
            int[] y = int32s(rnd, rows);
            b.op(q7 ? Op.ROWS_Q7 : Op.ROWS_Q15, rows, cols, shift, acc ? 1 : 0).weights(q7, m).i16(v);
            if (acc) {
                b.i32(y);
            }
            int[] want = product(q7, m, v, rows, cols, shift, acc ? y : null);
            b.expect(want, () -> "rows " + (q7 ? "q7" : "q15") + (acc ? " acc " + Arrays.toString(y) : "") + " "
                    + rows + "x" + cols + " shift " + shift + " m " + Arrays.toString(m) + " v " + Arrays.toString(v));
        }
        b.runAndCheck();
    }

    /** The nonlinearities as a model calls them: the element function at a compile-time format. */
    @Test
    void nonlinearitiesAtConstantFormats() throws IOException {
        Random rnd = new Random(515);
        Batch b = new Batch();
        Op[] ops = {Op.SIGMOID, Op.TANH, Op.RELU, Op.QUANT_SIGM, Op.QUANT_SIGM4, Op.QUANT_TANH};
        for (int k = 0; k < 40; k++) {
            for (int which = 0; which < ops.length; which++) {
                for (int f = FixedKernels.MIN_FRAC; f <= FixedKernels.MAX_FRAC; f++) {
                    int[] x = int16s(rnd, MAX_DIM);
                    if (k == 0) {
                        x[0] = -32768;
                        x[1] = 32767;
                        x[2] = 0;
                    }
                    int[] want = nonlinearity(ops[which], x, f);
                    final int ff = f;
                    final Op op = ops[which];
                    b.op(Op.NONLIN_CONST, which, x.length, f).i16(x);
                    b.expect(want, () -> op + " at constant Q" + ff + " x " + Arrays.toString(x));
                }
            }
        }
        b.runAndCheck();
    }

    @Test
    void narrowBiasAndArgmax() throws IOException {
        Random rnd = new Random(404);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int n = dim(rnd);
            int[] a = int32s(rnd, n);
            b.op(Op.NARROW, n).i32(a);
            b.expect(FixedKernels.narrowQ15(a), () -> "narrow " + Arrays.toString(a));

            int[] bq = int16s(rnd, n);
            int aliasQ15 = rnd.nextInt(2);
            b.op(Op.BIAS_Q15, n, aliasQ15).i32(a).i16(bq);
            b.expect(FixedKernels.biasQ15(a, bq), () -> "bias_q15 " + Arrays.toString(a) + " + " + Arrays.toString(bq));

            int[] b32 = int32s(rnd, n);
            int aliasQ31 = rnd.nextInt(3);
            b.op(Op.BIAS_Q31, n, aliasQ31).i32(a).i32(b32);
            b.expect(FixedKernels.biasQ31(a, b32), () -> "bias_q31 " + Arrays.toString(a) + " + " + Arrays.toString(b32));

            int[] v = rnd.nextBoolean() ? int32s(rnd, n) : fewValues(rnd, n);
            b.op(Op.ARGMAX, n).i32(v);
            b.expect(new int[] {FixedKernels.argmaxQ31(v)}, () -> "argmax " + Arrays.toString(v));
        }
        b.runAndCheck();
    }

    @Test
    void nonlinearities() throws IOException {
        Random rnd = new Random(505);
        Batch b = new Batch();
        Op[] ops = {Op.SIGMOID, Op.TANH, Op.RELU, Op.QUANT_SIGM, Op.QUANT_SIGM4, Op.QUANT_TANH};
        for (int k = 0; k < 3000; k++) {
            for (Op op : ops) {
                int n = dim(rnd);
                int f = frac(rnd);
                int[] x = int16s(rnd, n);
                b.op(op, n, f, rnd.nextInt(2)).i16(x);
                int[] want = nonlinearity(op, x, f);
                b.expect(want, () -> op + " Q" + f + " x " + Arrays.toString(x));
            }
        }
        b.runAndCheck();
    }

    /** The reference's nonlinearity that op names. */
    private static int[] nonlinearity(Op op, int[] x, int f) {
        return switch (op) {
            case SIGMOID -> FixedKernels.sigmoidQ15(x, f);
            case TANH -> FixedKernels.tanhQ15(x, f);
            case RELU -> FixedKernels.reluQ15(x, f);
            case QUANT_SIGM -> FixedKernels.quantSigmQ15(x, f);
            case QUANT_SIGM4 -> FixedKernels.quantSigm4Q15(x, f);
            case QUANT_TANH -> FixedKernels.quantTanhQ15(x, f);
            default -> throw new AssertionError(op);
        };
    }

    /** Every format of §1 on every extreme and a sweep of inputs, for all six nonlinearities. */
    @Test
    void nonlinearitiesAtEveryFormat() throws IOException {
        int[] x = new int[MAX_DIM];
        int[] special = {-32768, -32767, -16385, -16384, -16383, -8192, -1, 0, 1, 8191, 8192, 16383, 16384, 16385,
            32766, 32767};
        System.arraycopy(special, 0, x, 0, special.length);
        Random rnd = new Random(606);
        for (int i = special.length; i < x.length; i++) {
            x[i] = int16(rnd);
        }
        Batch b = new Batch();
        Op[] ops = {Op.SIGMOID, Op.TANH, Op.RELU, Op.QUANT_SIGM, Op.QUANT_SIGM4, Op.QUANT_TANH};
        for (int f = FixedKernels.MIN_FRAC; f <= FixedKernels.MAX_FRAC; f++) {
            final int ff = f;
            for (Op op : ops) {
                b.op(op, x.length, f, 0).i16(x);
                int[] want = nonlinearity(op, x, f);
                b.expect(want, () -> op + " Q" + ff + " x " + Arrays.toString(x));
            }
        }
        b.runAndCheck();
    }

    /**
     * The int32 FastGRNN kernel on cases §3.5 calls safe: a gate bounded by 1 in its format
     * (f_z ≥ 0, |z| ≤ 2^f_z; in particular Q14 gates with Q14 updates) and 0 ≤ ζ', ν' ≤ 2^14, with any
     * c and h; plus random small cases that pass the general "every intermediate fits int32" check,
     * including negative gate formats. The _wide kernel on the same cases and on anything at all.
     */
    @Test
    void fastgrnnBlends() throws IOException {
        Random rnd = new Random(707);
        Batch b = new Batch();
        int safe = 0;
        for (int k = 0; k < 4000; k++) {
            int n = dim(rnd);
            int kind = rnd.nextInt(4);
            int fz;
            int fc;
            int fh;
            int zeta;
            int nu;
            int[] z;
            int[] c;
            int[] h = int16s(rnd, n);
            if (kind == 0) { // bounded gate and update in Q14, any h
                fz = 14;
                fc = 14;
                fh = 28 - rnd.nextInt(45);
                z = bounded(rnd, n, 1 << 14, rnd.nextBoolean());
                c = bounded(rnd, n, 1 << 14, true);
                zeta = rnd.nextInt((1 << 14) + 1);
                nu = rnd.nextInt((1 << 14) + 1);
            } else if (kind == 1) { // gate bounded by 1 in any non-negative format, any update
                fz = rnd.nextInt(31);
                fc = frac(rnd);
                fh = hiddenFrac(rnd, fc);
                z = bounded(rnd, n, fz >= 15 ? 32768 : 1 << fz, rnd.nextBoolean());
                c = int16s(rnd, n);
                zeta = rnd.nextInt(4) == 0 ? extreme(rnd, 0, 1 << 14) : rnd.nextInt((1 << 14) + 1);
                nu = rnd.nextInt(4) == 0 ? extreme(rnd, 0, 1 << 14) : rnd.nextInt((1 << 14) + 1);
            } else { // anything (wide); int32 too when it happens to fit
                fz = frac(rnd);
                fc = frac(rnd);
                fh = hiddenFrac(rnd, fc);
                boolean small = kind == 2;
                z = small ? smallInt16s(rnd, n) : int16s(rnd, n);
                c = small ? smallInt16s(rnd, n) : int16s(rnd, n);
                zeta = small ? rnd.nextInt(1 << 14) : int16(rnd);
                nu = small ? rnd.nextInt(1 << 14) : int16(rnd);
            }
            int[] want = FixedKernels.fastgrnnBlendQ15(z, fz, c, fc, zeta, nu, fh, h);
            Supplier<String> what = () -> "fz " + fz + " fc " + fc + " fh " + fh + " zeta " + zeta + " nu " + nu
                    + " z " + Arrays.toString(z) + " c " + Arrays.toString(c) + " h " + Arrays.toString(h);
            if (kind <= 1 || grnnFitsInt32(z, fz, c, fc, zeta, nu, fh, h)) {
                safe++;
                b.op(Op.GRNN, n, fz, fc, zeta, nu, fh).i16(z).i16(c).i16(h);
                b.expect(want, () -> "fastgrnn_blend " + what.get());
            }
            b.op(Op.GRNN_WIDE, n, fz, fc, zeta, nu, fh).i16(z).i16(c).i16(h);
            b.expect(want, () -> "fastgrnn_blend_wide " + what.get());
        }
        b.runAndCheck();
        assertEquals(true, safe > 2500, "only " + safe + " int32 cases");
    }

    @Test
    void fastrnnBlends() throws IOException {
        Random rnd = new Random(808);
        Batch b = new Batch();
        for (int k = 0; k < 3000; k++) {
            int n = dim(rnd);
            int fc = frac(rnd);
            int fh = hiddenFrac(rnd, fc);
            boolean sigmoids = rnd.nextInt(4) != 0;
            int alpha = sigmoids ? rnd.nextInt((1 << 14) + 1) : int16(rnd);
            int beta = sigmoids ? rnd.nextInt((1 << 14) + 1) : int16(rnd);
            int[] c = int16s(rnd, n);
            int[] h = int16s(rnd, n);
            int[] want = FixedKernels.fastrnnBlendQ15(c, fc, alpha, beta, fh, h);
            Supplier<String> what = () -> "fc " + fc + " fh " + fh + " alpha " + alpha + " beta " + beta + " c "
                    + Arrays.toString(c) + " h " + Arrays.toString(h);
            b.op(Op.RNN, n, fc, alpha, beta, fh).i16(c).i16(h);
            b.expect(want, () -> "fastrnn_blend " + what.get());
            b.op(Op.RNN_WIDE, n, fc, alpha, beta, fh).i16(c).i16(h);
            b.expect(want, () -> "fastrnn_blend_wide " + what.get());
        }
        b.runAndCheck();
    }

    /** §3.5's condition for the int32 kernel, checked on the values: every intermediate fits int32. */
    private static boolean grnnFitsInt32(int[] z, int fz, int[] c, int fc, int zeta, int nu, int fh, int[] h) {
        int sc = 14 + fc - fh;
        for (int i = 0; i < z.length; i++) {
            long coef;
            long zh;
            if (fz >= 0) {
                coef = zeta + nu + FixedKernels.rshift(-(long) zeta * z[i], fz);
                zh = FixedKernels.rshift((long) z[i] * h[i], fz);
            } else {
                long zs = (long) z[i] << -fz;
                if (zs != (int) zs || (long) zeta * zs != (int) ((long) zeta * zs)) {
                    return false;
                }
                coef = zeta + nu - zeta * zs;
                zh = zs * h[i];
            }
            long cc = coef * c[i];
            long sum = zh + FixedKernels.rshift(cc, sc);
            if (coef != (int) coef || zh != (int) zh || cc != (int) cc || sum != (int) sum) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ random data

    private static int dim(Random rnd) {
        return 1 + rnd.nextInt(MAX_DIM);
    }

    /** Formats over §1's range, a little more often the common 0 … 15. */
    private static int frac(Random rnd) {
        return rnd.nextBoolean() ? rnd.nextInt(16) : FixedKernels.MIN_FRAC + rnd.nextInt(47);
    }

    /** A hidden-state format the blends accept with update format fc: 14 + fc − fh ≥ 0, in §1's range. */
    private static int hiddenFrac(Random rnd, int fc) {
        int hi = Math.min(FixedKernels.MAX_FRAC, 14 + fc);
        return hi - rnd.nextInt(hi - FixedKernels.MIN_FRAC + 1);
    }

    private static int matvecShift(Random rnd) {
        int r = rnd.nextInt(10);
        return r == 0 ? rnd.nextInt(256) : r == 1 ? 0 : rnd.nextInt(70);
    }

    private static int extreme(Random rnd, int lo, int hi) {
        return rnd.nextBoolean() ? lo : hi;
    }

    /** A mix: extremes of the type, uniform values, and values of a random bit width. */
    private static long mixed(Random rnd, int bits) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        int r = rnd.nextInt(10);
        if (r == 0) {
            long[] special = {min, max, min + 1, max - 1, 0, 1, -1};
            return special[rnd.nextInt(special.length)];
        }
        if (r <= 4) {
            return min + (long) (rnd.nextDouble() * (max - min + 1));
        }
        int w = 1 + rnd.nextInt(bits);
        return rnd.nextLong() >> (64 - w);
    }

    private static int int16(Random rnd) {
        return (int) mixed(rnd, 16);
    }

    private static int[] int8s(Random rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (int) mixed(rnd, 8);
        }
        return a;
    }

    private static int[] int16s(Random rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = int16(rnd);
        }
        return a;
    }

    private static int[] int32s(Random rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (int) mixed(rnd, 32);
        }
        return a;
    }

    private static int[] smallInt16s(Random rnd, int n) {
        int[] a = new int[n];
        int w = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            a[i] = (int) (rnd.nextLong() >> (64 - w));
        }
        return a;
    }

    /** Values in [−limit, limit] (or [0, limit]) clipped to int16, with the ends often. */
    private static int[] bounded(Random rnd, int n, int limit, boolean signed) {
        int[] a = new int[n];
        int lo = signed ? Math.max(-limit, -32768) : 0;
        int hi = Math.min(limit, 32767);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(8);
            a[i] = r == 0 ? lo : r == 1 ? hi : lo + rnd.nextInt(hi - lo + 1);
        }
        return a;
    }

    private static int[] nonNegative(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] == -32768 ? 32767 : Math.abs(a[i]);
        }
        return a;
    }

    private static int[] fewValues(Random rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(3) - 1 + (rnd.nextInt(10) == 0 ? Integer.MAX_VALUE - 1 : 0);
        }
        return a;
    }

    // ------------------------------------------------------------------ the batch

    /** Cases for one run of the driver, and what Java expects of each. */
    private static final class Batch {
        private final ByteArrayOutputStream in = new ByteArrayOutputStream(1 << 20);
        private final List<int[]> expected = new ArrayList<>();
        private final List<Supplier<String>> what = new ArrayList<>();
        private int expectedValues;

        Batch op(Op op, int... params) {
            int32(op.ordinal());
            for (int p : params) {
                int32(p);
            }
            return this;
        }

        Batch i8(int[] a) {
            for (int v : a) {
                in.write(v);
            }
            return this;
        }

        Batch i16(int[] a) {
            for (int v : a) {
                in.write(v);
                in.write(v >> 8);
            }
            return this;
        }

        /** int8 weights with q7, int16 ones otherwise */
        Batch weights(boolean q7, int[] m) {
            return q7 ? i8(m) : i16(m);
        }

        Batch i32(int[] a) {
            for (int v : a) {
                int32(v);
            }
            return this;
        }

        private void int32(int v) {
            in.write(v);
            in.write(v >> 8);
            in.write(v >> 16);
            in.write(v >> 24);
        }

        void expect(int[] values, Supplier<String> description) {
            expected.add(values);
            what.add(description);
            expectedValues += values.length;
        }

        void runAndCheck() throws IOException {
            for (Path exe : drivers) {
                check(exe);
            }
        }

        private void check(Path exe) throws IOException {
            String stdout = HostC.run(exe, in.toByteArray());
            assertEquals("cases " + expected.size(), stdout.trim(), "driver summary");
            byte[] raw = Files.readAllBytes(exe.resolveSibling("input.bin.out"));
            assertEquals(4L * expectedValues, raw.length, "output size");
            ByteBuffer got = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < expected.size(); k++) {
                int[] want = expected.get(k);
                int[] have = new int[want.length];
                for (int i = 0; i < have.length; i++) {
                    have[i] = got.getInt();
                }
                if (!Arrays.equals(want, have)) {
                    int i = Arrays.mismatch(want, have);
                    fail("case " + k + " (" + exe.getParent().getFileName() + " int8 weights): C gives " + have[i]
                            + " at [" + i + "], Java " + want[i] + "\nC    "
                            + Arrays.toString(have) + "\nJava " + Arrays.toString(want) + "\n" + what.get(k).get());
                }
            }
        }
    }
}
