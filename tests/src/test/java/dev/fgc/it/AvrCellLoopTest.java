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
 * The AVR FastGRNN element loop (one loop of assembly, for a sigmoid or tanh gate, fh from 12 to 15,
 * fp from 6 to 12 or 13 and constant zeta and nu) against the element functions it replaces, on
 * the same core: for each gate and fh (and fh 11, which takes the C loop), every fp from 5 to 13
 * with four pairs of constants (§3.5's extremes among them), 64-element rows of biases in program
 * memory (extremes included) and 540 rows of pre-activations whose sums with them saturate, wrap,
 * or land anywhere in the table.
 */
class AvrCellLoopTest {
    private static final int N = 64;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} gate, fh {1}")
    @CsvSource({"sigmoid, 14", "sigmoid, 15", "sigmoid, 13", "sigmoid, 12", "sigmoid, 11", "tanh, 14", "tanh, 15",
            "tanh, 13", "tanh, 12"})
    void loopEqualsTheElementFunctions(String gate, int fh) {
        String main = """
                #define FH %d
                """.formatted(fh) + """
                #include <avr/interrupt.h>
                #include <avr/io.h>
                #include <avr/sleep.h>
                #include "fgc_memory.h"
                #include "fgc_q15.h"
                #include "fgc_q15_inline.h"

                """ + CellLoopInputs.declarations(N, " FGC_ROM") + """

                /* the element functions, as the portable loop calls them */
                __attribute__((noinline)) static void expect(int fp, int32_t zeta, int32_t nu)
                {
                    uint8_t i;
                    for (i = 0; i < N; i++) {
                        int32_t z = fgc_GATE_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bg + i)), fp);
                        int32_t c = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bh + i)), fp);
                        want[i] = (int16_t)fgc_fastgrnn_blend_q15_el(z, 14, c, 14, zeta, nu, FH, h[i]);
                    }
                }

                /* the loop under test, with constants as a generated model calls it */
                #define CHECK(K, FP, ZETA, NU)                                               \\
                    case K:                                                                  \\
                        expect(FP, ZETA, NU);                                                \\
                        fgc_fastgrnn_GATE_tanh_q15_inl(pre, bg, bh, FP, ZETA, NU, FH, N, h);   \\
                        break;
                #define CHECKS(K, ZETA, NU)                                                   \\
                    CHECK(K, 5, ZETA, NU) CHECK(K + 1, 6, ZETA, NU) CHECK(K + 2, 7, ZETA, NU)  \\
                    CHECK(K + 3, 8, ZETA, NU) CHECK(K + 4, 9, ZETA, NU) CHECK(K + 5, 10, ZETA, NU) \\
                    CHECK(K + 6, 11, ZETA, NU) CHECK(K + 7, 12, ZETA, NU) CHECK(K + 8, 13, ZETA, NU)

                int main(void)
                {
                    uint16_t bad = 0;
                    uint16_t row;
                    uint8_t i;
                    for (row = 0; row < 540; row++) {
                        fill();
                        switch (row % 36) {
                            CHECKS(0, 14272, 1271) CHECKS(9, 0, 0) CHECKS(18, 16384, 16384) CHECKS(27, 1, 16383)
                        }
                        for (i = 0; i < N; i++) {
                            bad += h[i] != want[i];
                        }
                    }
                    if (bad > 255) {
                        bad = 255;
                    }
                """ + AvrKernelProgram.STOP + """
                }
                """;
        main = main.replace("GATE", gate);
        DeviceRun run = AvrKernelProgram.run(tmp, main, List.of("fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "hidden units that differ from the element functions'");
    }
}
