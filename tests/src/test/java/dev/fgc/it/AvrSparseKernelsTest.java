package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVR assembly of the compressed-row products against docs/fixed-point.md §3.2 computed in
 * int64 on the same core: with two-byte column indices (more than 256 columns: no generated test
 * model is that wide), extreme values, an empty row, every shift from 0 to 35; and over
 * FGC_SPARSE_PAIRS storage (128 columns, the widest it takes: each row its two-byte count, then
 * offset and value bytes), a full row of extremes, an empty row, constant shifts as generated
 * models pass them and run-time ones, each accumulate mode.
 */
class AvrSparseKernelsTest {
    private static final int ROWS = 4;
    private static final int COLS = 300;

    @TempDir
    Path tmp;

    @Test
    void wideIndexProductsAreExact() {
        Random random = new Random(7);
        List<Integer> counts = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        List<Integer> w8 = new ArrayList<>();
        List<Integer> w16 = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            TreeSet<Integer> columns = new TreeSet<>();
            int n = r == 2 ? 0 : 1 + random.nextInt(60);
            while (columns.size() < n) {
                columns.add(random.nextInt(COLS));
            }
            counts.add(n);
            for (int c : columns) {
                idx.add(c);
                w8.add(extreme(random, -128, 127));
                w16.add(extreme(random, -32768, 32767));
            }
        }
        List<Integer> x = new ArrayList<>();
        for (int c = 0; c < COLS; c++) {
            x.add(extreme(random, -32768, 32767));
        }
        String main = """
                #include <avr/interrupt.h>
                #include <avr/io.h>
                #include <avr/sleep.h>
                #include "fgc_sparse.h"
                #include "fgc_q15_inline.h"
                """
                + array("uint16_t", "counts", counts, true) + array("uint16_t", "idx", idx, true)
                + array("int8_t", "w8", w8, true) + array("int16_t", "w16", w16, true) + array("int16_t", "x", x, false)
                + """
                int main(void)
                {
                    uint8_t bad = 0;
                    int s;
                    for (s = 0; s <= 35; s++) {
                        int32_t y8[ROWS], y16[ROWS];
                        uint16_t r, k = 0;
                        fgc_spmv_q7_q15_i16(counts, idx, w8, x, ROWS, (uint8_t)s, 0, y8);
                        fgc_spmv_q15_q15_i16(counts, idx, w16, x, ROWS, (uint8_t)s, 0, y16);
                        for (r = 0; r < ROWS; r++) {
                            uint16_t j, n = FGC_ROM_U16(counts + r);
                            int64_t s8 = 0, s16 = 0;
                            for (j = 0; j < n; j++, k++) {
                                uint16_t c = FGC_ROM_U16(idx + k);
                                s8 += (int64_t)FGC_ROM_I8(w8 + k) * x[c];
                                s16 += (int64_t)FGC_ROM_I16(w16 + k) * x[c];
                            }
                            bad += fgc_sat32(fgc_rshift64(s8, s)) != y8[r];
                            bad += fgc_sat32(fgc_rshift64(s16, s)) != y16[r];
                        }
                    }
                """ + AvrKernelProgram.STOP + """
                }
                """;
        DeviceRun run = AvrKernelProgram.run(tmp, main.replace("ROWS", Integer.toString(ROWS)), List.of("fgc_sparse_q15.c", "fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "products that differ from the int64 computation");
    }

    @Test
    void pairProductsAreExact() {
        int rows = 6;
        int cols = 128;
        Random random = new Random(11);
        List<Integer> counts = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        List<Integer> w8 = new ArrayList<>();
        List<Integer> pairs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            TreeSet<Integer> columns = new TreeSet<>();
            int n = r == 0 ? cols : r == 3 ? 0 : 1 + random.nextInt(cols);
            while (columns.size() < n) {
                columns.add(random.nextInt(cols));
            }
            counts.add(n);
            pairs.add(n);
            pairs.add(0);
            for (int c : columns) {
                int w = r == 0 ? (c % 2 == 0 ? -128 : 127) : extreme(random, -128, 127);
                idx.add(c);
                w8.add(w);
                pairs.add(2 * c);
                pairs.add(w & 0xFF);
            }
        }
        List<Integer> x = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            x.add(c % 2 == 0 ? -32768 : extreme(random, -32768, 32767));
        }
        String main = """
                #include <avr/interrupt.h>
                #include <avr/io.h>
                #include <avr/sleep.h>
                #include "fgc_sparse.h"
                #include "fgc_q15_inline.h"
                #define ROWS %d
                """.formatted(rows)
                + array("uint16_t", "counts", counts, true) + array("uint8_t", "idx", idx, true)
                + array("int8_t", "w8", w8, true) + array("uint8_t", "pairs", pairs, true)
                + array("int16_t", "x", x, false)
                + """
                static uint8_t bad = 0;

                /* what y[r] must become from y0[r]: §3.2 in int64, then acc's addition */
                static void check(const int32_t *y, const int32_t *y0, int s, int acc)
                {
                    uint16_t r, j, k = 0;
                    for (r = 0; r < ROWS; r++) {
                        int64_t sum = 0;
                        for (j = 0; j < FGC_ROM_U16(counts + r); j++, k++) {
                            sum += (int64_t)FGC_ROM_I8(w8 + k) * x[FGC_ROM_U8(idx + k)];
                        }
                        sum = fgc_rshift64(sum, s);
                        bad += fgc_sat32(acc ? y0[r] + sum : sum) != y[r];
                    }
                }

                /* y0: values near both ends of int32 (the saturating addition acts), or small ones */
                static void start(int32_t *y, int32_t *y0, int big)
                {
                    uint16_t r;
                    for (r = 0; r < ROWS; r++) {
                        y0[r] = y[r] = big ? ((r & 1) ? INT32_MAX - (int32_t)r : INT32_MIN + (int32_t)r) : (int32_t)r - 3;
                    }
                }

                /* a run-time shift takes the kernel's general path */
                __attribute__((noinline)) static void product(int s, int acc, int32_t *y)
                {
                    fgc_spmv_q7_pairs_avr(pairs, x, ROWS, s, acc, y);
                }

                #define CHECK(S)                                                       \
                    start(y, y0, 0);                                                   \
                    fgc_spmv_q7_q15_pairs_inl(pairs, x, ROWS, S, 0, y);        \
                    check(y, y0, S, 0);                                                \
                    start(y, y0, 1);                                                   \
                    fgc_spmv_q7_q15_pairs_inl(pairs, x, ROWS, S, 1, y);        \
                    check(y, y0, S, 1);                                                \
                    start(y, y0, 0);                                                   \
                    fgc_spmv_q7_q15_pairs_inl(pairs, x, ROWS, S, 2, y);        \
                    check(y, y0, S, 2);

                int main(void)
                {
                    int32_t y[ROWS], y0[ROWS];
                    int s;
                    CHECK(0) CHECK(1) CHECK(7) CHECK(8) CHECK(9) CHECK(13) CHECK(15) CHECK(16) CHECK(21) CHECK(31)
                    CHECK(35)
                    for (s = 0; s <= 35; s++) {
                        start(y, y0, 1);
                        product(s, 1, y);
                        check(y, y0, s, 1);
                    }
                """ + AvrKernelProgram.STOP + """
                }
                """;
        DeviceRun run = AvrKernelProgram.run(tmp, main, List.of("fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "products that differ from the int64 computation");
    }

    private static int extreme(Random random, int min, int max) {
        int k = random.nextInt(4);
        return k == 0 ? min : k == 1 ? max : min + random.nextInt(max - min + 1);
    }

    private static String array(String type, String name, List<Integer> values, boolean flash) {
        StringJoiner j = new StringJoiner(", ");
        values.forEach(v -> j.add(Integer.toString(v)));
        if (values.isEmpty()) {
            j.add("0");
        }
        return "static " + (flash ? "const " : "") + type + " " + name + "[" + Math.max(1, values.size()) + "]"
                + (flash ? " FGC_ROM" : "") + " = {" + j + "};\n";
    }
}
