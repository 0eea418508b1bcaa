package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M FastGRNN element loops (fgc_fastgrnn_sigmoid_tanh_q15_inl and
 * fgc_fastgrnn_tanh_tanh_q15_inl: one loop of assembly on Thumb-1 and one on Thumb-2, for fp from
 * -2 to 12) against the element functions they replace, on the core itself: every such fp with
 * four pairs of constants (§3.5's extremes among them) and two state formats, rows of biases with
 * extremes and 240 rows of pre-activations whose sums with them saturate, wrap or land anywhere in
 * the table. Prints the loop's instructions per hidden unit (QEMU's counter) as a microbenchmark.
 */
class ArmCellLoopTest {
    private static final int N = 64;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{1} gate on {0}")
    @CsvSource({"microbit, sigmoid", "mps2-an385, sigmoid", "mps2-an386, sigmoid",
        "microbit, tanh", "mps2-an385, tanh", "mps2-an386, tanh"})
    void loopEqualsTheElementFunctions(String board, String gate) {
        String main = ArmKernelProgram.MARKERS + """
                #include <stdio.h>
                #include "fgc_q15_inline.h"

                """ + CellLoopInputs.declarations(N, "") + """

                /* the element functions, with the formats as run-time values */
                __attribute__((noinline)) static void expect(int fp, int32_t zeta, int32_t nu, int fh)
                {
                    int i;
                    for (i = 0; i < N; i++) {
                        int32_t z = fgc_GATE_q15_el(fgc_bias_q15_el(pre[i], bg[i]), fp);
                        int32_t c = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], bh[i]), fp);
                        want[i] = (int16_t)fgc_fastgrnn_blend_q15_el(z, 14, c, 14, zeta, nu, fh, h[i]);
                    }
                }

                /* the loop under test, with constants as a generated model calls it */
                #define CHECK(K, FP, ZETA, NU, FH)                                            \\
                    case K:                                                                   \\
                        expect(FP, ZETA, NU, FH);                                             \\
                        fgc_fastgrnn_GATE_tanh_q15_inl(pre, bg, bh, FP, ZETA, NU, FH, N, h); \\
                        break;
                #define CHECK_FP(K, ZETA, NU, FH)                                             \\
                    CHECK(K, -2, ZETA, NU, FH) CHECK(K + 1, -1, ZETA, NU, FH) CHECK(K + 2, 0, ZETA, NU, FH) \\
                    CHECK(K + 3, 1, ZETA, NU, FH) CHECK(K + 4, 2, ZETA, NU, FH) CHECK(K + 5, 3, ZETA, NU, FH) \\
                    CHECK(K + 6, 4, ZETA, NU, FH) CHECK(K + 7, 5, ZETA, NU, FH) CHECK(K + 8, 6, ZETA, NU, FH) \\
                    CHECK(K + 9, 7, ZETA, NU, FH) CHECK(K + 10, 8, ZETA, NU, FH) CHECK(K + 11, 9, ZETA, NU, FH) \\
                    CHECK(K + 12, 10, ZETA, NU, FH) CHECK(K + 13, 11, ZETA, NU, FH) CHECK(K + 14, 12, ZETA, NU, FH)
                #define CHECKS(K, FH)                                                         \\
                    CHECK_FP(K, 14272, 1271, FH) CHECK_FP(K + 15, 0, 0, FH)                  \\
                    CHECK_FP(K + 30, 16384, 16384, FH) CHECK_FP(K + 45, 1, 16383, FH)

                int main(void)
                {
                    int bad = 0;
                    int row, i;
                    for (row = 0; row < 240; row++) {
                        fill();
                        switch (row % 120) {
                            CHECKS(0, 14) CHECKS(60, 11)
                        }
                        for (i = 0; i < N; i++) {
                            bad += h[i] != want[i];
                        }
                    }
                    /* the microbenchmark: USPS's formats */
                    fill();
                    fw_mark_begin();
                    fgc_fastgrnn_GATE_tanh_q15_inl(pre, bg, bh, 10, 14272, 1271, 14, N, h);
                    fw_mark_end();
                    printf("units %d\\n", N);
                    return bad > 255 ? 255 : bad;
                }
                """.replace("GATE", gate);
        DeviceRun run = ArmKernelProgram.run(tmp, board, main, List.of("fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "hidden units that differ from the element functions': " + run);
        assertEquals(1, run.intervals(), run.toString());
        System.out.printf("fgc microbenchmark: FastGRNN element loop (%s gate, tanh update, fp 10, fh 14) on %s:"
                + " %.1f instructions per hidden unit%n", gate, board, (double) run.counted() / N);
    }
}
