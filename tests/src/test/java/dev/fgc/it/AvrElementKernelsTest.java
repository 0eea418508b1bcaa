package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.DeviceRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVR element-wise kernels whose assembly takes shortcuts the generated models may never
 * exercise — the bias's wrapped 32-bit sum, the normalisation's saturating difference and its loop
 * of assembly, the FastGRNN blend's block for Q14 gates (with zeta and nu as registers and as
 * immediates) — against docs/fixed-point.md computed in int64 on the same core, for 20,000
 * pseudo-random operands each, extremes included (blend operands as far as §3.5 allows).
 */
class AvrElementKernelsTest {
    private static final int INPUTS = 40;

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

                /* generated models' blends: zeta and nu constants, taken as immediates */
                #define BLEND_CONSTANT(ZETA, NU)                                                             \\
                    __attribute__((noinline)) static int16_t blend_##ZETA##_##NU(int16_t z, int16_t c, int16_t h) \\
                    {                                                                                        \\
                        return (int16_t)fgc_fastgrnn_blend_q15_el(z, 14, c, 14, ZETA, NU, 14, h);           \\
                    }
                BLEND_CONSTANT(14272, 1271)
                BLEND_CONSTANT(16384, 0)
                BLEND_CONSTANT(0, 16384)
                BLEND_CONSTANT(16384, 16384)

                static int16_t blend_expected(int16_t z, int16_t c, int16_t zeta, int16_t nu, int16_t h)
                {
                    int64_t coef = (int64_t)zeta + nu + fgc_rshift64(-(int64_t)zeta * z, 14);
                    return (int16_t)sat16_64(fgc_rshift64((int64_t)z * h, 14) + fgc_rshift64(coef * c, 14));
                }

                /* the normalisation over INPUTS inputs: its loop of assembly for shifts 8 to 15, C for others */
                #define INPUTS %d
                static const int16_t mean[INPUTS] FGC_ROM = { %s };
                static const int16_t inv_std[INPUTS] FGC_ROM = { %s };

                static uint16_t normalize_errors(const int16_t *x, const int16_t *y, int s)
                {
                    uint16_t errors = 0;
                    uint8_t i;
                    for (i = 0; i < INPUTS; i++) {
                        int64_t d = sat16_64((int64_t)x[i] - FGC_ROM_I16(mean + i));
                        errors += y[i] != sat16_64(fgc_rshift64(d * FGC_ROM_I16(inv_std + i), s));
                    }
                    return errors;
                }

                #define NORMALIZE(S)                                                     \\
                    fgc_normalize_q15_inl(x, mean, inv_std, INPUTS, S, y);                \\
                    bad += normalize_errors(x, y, S);

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
                        if (n %% 7 == 0) {
                            a = (n & 8) ? INT32_MAX - (int32_t)(next() & 0xFFFF) : INT32_MIN + (int32_t)(next() & 0xFFFF);
                        }
                        bad += bias(a, b) != sat16_64((int64_t)a + b);
                    }
                    for (n = 0; n < 20000; n++) {
                        int16_t x = (int16_t)next(), m = (int16_t)next();
                        if (n %% 4 == 0) {
                            x = (n & 4) ? 32767 : -32768;
                        }
                        bad += fgc_sub_sat16_avr(x, m) != sat16_64((int64_t)x - m);
                    }
                    for (n = 0; n < 20000; n++) {
                        int16_t z = (int16_t)(next() %% 16385u);
                        int16_t c = (int16_t)((int32_t)(next() %% 32769u) - 16384);
                        int16_t h = (int16_t)next();
                        int16_t zeta = (int16_t)(next() & 0x7FFF), nu = (int16_t)(next() & 0x7FFF);
                        int64_t coef;
                        if (n & 1) {
                            zeta = (int16_t)-zeta;
                        }
                        if (n & 2) {
                            nu = (int16_t)-nu;
                        }
                        if (n %% 5 == 0) {
                            z = (int16_t)next();
                        }
                        if (n %% 3 == 0) {
                            c = (int16_t)next();
                        }
                        coef = (int64_t)zeta + nu + fgc_rshift64(-(int64_t)zeta * z, 14);
                        if (coef * c > INT32_MAX || coef * c < INT32_MIN) {
                            continue; /* outside what §3.5 requires */
                        }
                        bad += blend(z, c, zeta, nu, h) != blend_expected(z, c, zeta, nu, h);
                        z = (int16_t)(next() %% 16385u); /* with constants, as §3.5 requires */
                        c = (int16_t)((int32_t)(next() %% 32769u) - 16384);
                        bad += blend_14272_1271(z, c, h) != blend_expected(z, c, 14272, 1271, h);
                        bad += blend_16384_0(z, c, h) != blend_expected(z, c, 16384, 0, h);
                        bad += blend_0_16384(z, c, h) != blend_expected(z, c, 0, 16384, h);
                        bad += blend_16384_16384(z, c, h) != blend_expected(z, c, 16384, 16384, h);
                    }
                    for (n = 0; n < 500; n++) {
                        static int16_t x[INPUTS], y[INPUTS];
                        uint8_t i;
                        for (i = 0; i < INPUTS; i++) {
                            x[i] = (int16_t)next();
                            if (next() %% 5 == 0) {
                                x[i] = (next() & 1) ? 32767 - (int16_t)(next() & 3) : -32768 + (int16_t)(next() & 3);
                            }
                        }
                        NORMALIZE(8) NORMALIZE(12) NORMALIZE(15) NORMALIZE(4)
                    }
                    if (bad > 255) {
                        bad = 255;
                    }
                """ + AvrKernelProgram.STOP + """
                }
                """;
        main = main.formatted(INPUTS, constants(new Random(7)), constants(new Random(8)));
        DeviceRun run = AvrKernelProgram.run(tmp, main, List.of("fgc_tanh_table_q15.c"));
        assertTrue(run.failure().isEmpty(), run.toString());
        assertEquals(0, run.exitCode(), "results that differ from the int64 computation");
    }

    /** INPUTS int16 constants, the extremes among them. */
    private static String constants(Random random) {
        return IntStream.range(0, INPUTS)
                .map(i -> i < 2 ? (i == 0 ? Short.MAX_VALUE : Short.MIN_VALUE) : random.nextInt(65536) - 32768)
                .mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
