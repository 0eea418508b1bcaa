package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import dev.fgc.emit.IntLiterals;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The int8 products of fgc_q15_products.h as generated models call them (constant shapes and
 * shifts) against §3.2 computed plainly in int64 on the same core, with random weights over the
 * whole int8 range and random inputs over the whole int16 range; and, as a microbenchmark, each
 * product's instructions per multiply-accumulate (QEMU's counter, the call alone).
 */
class ArmProductKernelsTest {
    private static final int ROWS = 32;

    @TempDir
    Path tmp;

    /**
     * kernel: dense (32 x 32), narrow (13 x 23 narrowed to int16: an odd count of four-column chunks,
     * a tail of three, a last group of three rows), pair (two 31 x 5, a low-rank model's second factors), sparse (80 x 40,
     * 30 % non-zeros, stored as the core's generated models store it)
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"dense, microbit", "dense, mps2-an385", "dense, mps2-an386",
        "narrow, microbit", "narrow, mps2-an385", "narrow, mps2-an386",
        "pair, microbit", "pair, mps2-an385", "pair, mps2-an386",
        "sparse, microbit", "sparse, mps2-an385", "sparse, mps2-an386"})
    void productEqualsThePlainSum(String kernel, String board) {
        Random random = new Random(kernel.hashCode());
        Case c = switch (kernel) {
            case "dense" -> dense(random);
            case "narrow" -> narrow(random);
            case "pair" -> pair(random);
            default -> sparse(random);
        };
        String main = ArmKernelProgram.MARKERS + """
                #include <stdio.h>
                #include "fgc_q15_inline.h"
                #include "fgc_sparse.h"

                static int32_t y[%d], want[%d];
                static int16_t y16[%d]; /* a narrowing product's output */

                /* §3.2: rshift of the exact sum, saturated (the bound makes it fit) */
                static int32_t row(const int8_t *w, const int16_t *x, int cols, int s)
                {
                    int64_t sum = 0;
                    int c;
                    for (c = 0; c < cols; c++) {
                        sum += (int64_t)w[c] * x[c];
                    }
                    return fgc_sat32(fgc_rshift64(sum, s));
                }

                %s

                /* the product as a generated model calls it: its inputs unknown to the compiler */
                __attribute__((noipa)) static void product(void)
                {
                    %s
                }

                int main(void)
                {
                    int bad = 0, r;
                    (void)y;
                    (void)y16;
                    %s
                    fw_mark_begin();
                    product();
                    fw_mark_end();
                    for (r = 0; r < %d; r++) {
                        bad += %s[r] != want[r];
                    }
                    printf("rows %%d\\n", %d);
                    return bad;
                }
                """.formatted(c.rows(), c.rows(), c.rows(), c.data(), c.call(), c.expect(), c.rows(), c.out(), c.rows());
        DeviceRun run = ArmKernelProgram.run(tmp, board, main, List.of());
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "rows that differ from the plain sum: " + run);
        System.out.printf("fgc microbenchmark: int8 %s product (%d MACs) on %s: %d instructions, %.2f per MAC%n",
                kernel, c.macs(), board, run.counted(), (double) run.counted() / c.macs());
    }

    /** out: the array the product writes, y (int32) or y16 (narrowed) */
    private record Case(int rows, int macs, String data, String expect, String call, String out) {
        Case(int rows, int macs, String data, String expect, String call) {
            this(rows, macs, data, expect, call, "y");
        }
    }

    private static Case dense(Random random) {
        int cols = 32;
        int[] w = weights(random, ROWS * cols, 1.0);
        return new Case(ROWS, ROWS * cols,
                matrix("m", w, cols) + inputs("v", random, cols),
                "for (r = 0; r < %d; r++) { want[r] = row(m_raw + r * %d, v, %d, 7); }".formatted(ROWS, cols, cols),
                "fgc_matvec_q7_q15_inl(m, v, %du, %du, 7, 0, y);".formatted(ROWS, cols));
    }

    private static Case narrow(Random random) {
        int rows = 13;
        int cols = 23;
        int[] w = weights(random, rows * cols, 1.0);
        return new Case(rows, rows * cols,
                matrix("m", w, cols) + inputs("v", random, cols),
                "for (r = 0; r < %d; r++) { want[r] = fgc_sat16(row(m_raw + r * %d, v, %d, 11)); }"
                        .formatted(rows, cols, cols),
                "fgc_matvec_narrow_q7_q15_inl(m, v, %du, %du, 11, y16);".formatted(rows, cols), "y16");
    }

    private static Case pair(Random random) {
        int cols = 5;
        int rows = ROWS - 1; // odd: the Thumb-2 DSP loop takes two rows a pass and then the last alone
        return new Case(rows, 2 * rows * cols,
                matrix("m1", weights(random, rows * cols, 1.0), cols)
                        + matrix("m2", weights(random, rows * cols, 1.0), cols)
                        + inputs("v1", random, cols) + inputs("v2", random, cols),
                ("for (r = 0; r < %d; r++) { want[r] = fgc_sat32((int64_t)row(m1_raw + r * 5, v1, 5, 8)"
                        + " + row(m2_raw + r * 5, v2, 5, 9)); }").formatted(rows),
                "fgc_matvec2_q7_q15_inl(m1, v1, 5u, 8, m2, v2, 5u, 9, %du, y);".formatted(rows));
    }

    private static Case sparse(Random random) {
        int rows = 80;
        int cols = 40;
        int[] w = weights(random, rows * cols, 0.3);
        StringBuilder counts = new StringBuilder();
        StringBuilder idx = new StringBuilder();
        StringBuilder val = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            StringBuilder row = new StringBuilder();
            int n = 0;
            for (int c = 0; c < cols; c++) {
                if (w[r * cols + c] != 0) {
                    idx.append(c).append(", ");
                    val.append(w[r * cols + c]).append(", ");
                    row.append(2 * c).append(", ").append(w[r * cols + c] & 0xFF).append(", ");
                    n++;
                }
            }
            counts.append(n).append(", ");
            pairs.append(n).append(", 0, ").append(row);
            nnz += n;
        }
        String data = "static const int8_t m_raw[] = { %s };\n".formatted(list(w))
                + "static const uint16_t counts[] = { %s };\n".formatted(counts)
                + "static const uint8_t idx[] = { %s };\n".formatted(idx)
                + "static const int8_t val[] = { %s };\n".formatted(val)
                + "static const uint8_t pairs[] = { %s };\n".formatted(pairs)
                + inputs("v", random, cols);
        // as a generated model stores it: pairs on Thumb-1 (FGC_SPARSE_PAIRS), three arrays on Thumb-2
        return new Case(rows, nnz, data,
                "for (r = 0; r < %d; r++) { want[r] = row(m_raw + r * %d, v, %d, 9); }".formatted(rows, cols, cols),
                ("""
                #if FGC_SPARSE_PAIRS == 1
                    (void)counts; (void)idx; (void)val;
                    fgc_spmv_q7_q15_pairs_inl(pairs, v, %du, 9, 0, y);
                #else
                    (void)pairs;
                    fgc_spmv_q7_q15_i8_inl(counts, idx, val, v, %du, 9, 0, y);
                #endif
                """).formatted(rows, rows));
    }

    /** int8 weights over the whole range, each non-zero with the given probability */
    private static int[] weights(Random random, int n, double density) {
        return IntStream.range(0, n)
                .map(i -> random.nextDouble() < density ? (i % 7 == 0 ? -128 : random.nextInt(256) - 128) : 0)
                .toArray();
    }

    /** a stored matrix, as a generated model writes it (FGC_W8X4 chunks, FGC_W8 tails), and its raw
     * weights for the reference */
    private static String matrix(String name, int[] w, int cols) {
        return "static const fgc_w8_t %s[] = { %s };\nstatic const int8_t %s_raw[] = { %s };\n"
                .formatted(name, String.join(" ", IntLiterals.w8Rows(w, cols)), name, list(w));
    }

    private static String inputs(String name, Random random, int n) {
        int[] v = IntStream.range(0, n).map(i -> i % 5 == 0 ? -32768 : random.nextInt(65536) - 32768).toArray();
        return "int16_t %s[] = { %s }; /* not const, not static: unknown to the product */\n".formatted(name, list(v));
    }

    private static String list(int[] values) {
        return IntStream.of(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
