package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVR element-wise kernels whose assembly takes shortcuts the generated models may never
 * exercise — the bias's wrapped 32-bit sum, the normalisation's saturating difference, the
 * FastGRNN blend's block for Q14 gates — against docs/fixed-point.md computed in int64 on the same
 * core, for 20,000 pseudo-random operands each, extremes included (blend operands as far as §3.5
 * allows).
 */
class AvrElementKernelsTest {
    @TempDir
    Path tmp;

    @Test
    void elementKernelsAreExact() {
        String main = """
                #include <avr/interrupt.h>
                #include <avr/io.h>
                #include <avr/sleep.h>
                #include "fgc_memory.h"
                #include "fgc_q15.h"
                #include "fgc_q15_inline.h"

                static uint32_t seed = 12345;

                static uint32_t next(void)
                {
                    seed = seed * 1664525u + 1013904223u;
                    return seed;
                }

                static int32_t sat16_64(int64_t a)
                {
                    return a > 32767 ? 32767 : a < -32768 ? -32768 : (int32_t)a;
                }

                /* the values are not constants: the kernels' general code is under test */
                __attribute__((noinline)) static int16_t bias(int32_t a, int16_t b)
                {
                    return (int16_t)fgc_bias_q15_el(a, b);
                }

                __attribute__((noinline)) static int16_t blend(int16_t z, int16_t c, int16_t zeta, int16_t nu, int16_t h)
                {
                    return (int16_t)fgc_fastgrnn_blend_q15_el(z, 14, c, 14, zeta, nu, 14, h);
                }

                int main(void)
                {
                    uint16_t bad = 0;
                    uint16_t n;
                    for (n = 0; n < 20000; n++) {
                        int32_t a = (int32_t)next();
                        int16_t b = (int16_t)next();
                        if (n & 1) {
                            a >>= next() & 31;
                        }
                        if (n % 7 == 0) {
                            a = (n & 8) ? INT32_MAX - (int32_t)(next() & 0xFFFF) : INT32_MIN + (int32_t)(next() & 0xFFFF);
                        }
                        bad += bias(a, b) != sat16_64((int64_t)a + b);
                    }
                    for (n = 0; n < 20000; n++) {
                        int16_t x = (int16_t)next(), m = (int16_t)next();
                        if (n % 4 == 0) {
                            x = (n & 4) ? 32767 : -32768;
                        }
                        bad += fgc_sub_sat16_avr(x, m) != sat16_64((int64_t)x - m);
                    }
                    for (n = 0; n < 20000; n++) {
                        int16_t z = (int16_t)(next() % 16385u);
                        int16_t c = (int16_t)((int32_t)(next() % 32769u) - 16384);
                        int16_t h = (int16_t)next();
                        int16_t zeta = (int16_t)(next() & 0x7FFF), nu = (int16_t)(next() & 0x7FFF);
                        int64_t coef;
                        if (n & 1) {
                            zeta = (int16_t)-zeta;
                        }
                        if (n & 2) {
                            nu = (int16_t)-nu;
                        }
                        if (n % 5 == 0) {
                            z = (int16_t)next();
                        }
                        if (n % 3 == 0) {
                            c = (int16_t)next();
                        }
                        coef = (int64_t)zeta + nu + fgc_rshift64(-(int64_t)zeta * z, 14);
                        if (coef * c > INT32_MAX || coef * c < INT32_MIN) {
                            continue; /* outside what §3.5 requires */
                        }
                        bad += blend(z, c, zeta, nu, h)
                               != sat16_64(fgc_rshift64((int64_t)z * h, 14) + fgc_rshift64(coef * c, 14));
                    }
                    if (bad > 255) {
                        bad = 255;
                    }
                """ + AvrKernelProgram.STOP + """
                }
                """;
        DeviceRun run = AvrKernelProgram.run(tmp, main, List.of("fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "results that differ from the int64 computation");
    }
}
