package dev.fgc.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.emit.Resources;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java mirror of the fixed-point kernels on its own: the §2 primitives against their
 * mathematical definitions, the §3.4 nonlinearities against the exact functions over every int16
 * input, and the C tanh table against {@link FixedKernels#tanhTable()}. That C computes the same
 * integers as this class is {@code dev.fgc.runtime.FixedKernelsHostTest}'s job.
 */
class FixedKernelsTest {
    /** §3.4's bounds, over every q15 input at every format from 0 to 15. */
    private static final double TANH_BOUND = 7.9e-3;
    private static final double SIGMOID_BOUND = 4.0e-3;
    private static final double Q14 = 16384.0;

    // ------------------------------------------------------------------ §2

    private static long rshiftByDefinition(long a, int s) {
        if (s == 0) {
            return a;
        }
        BigInteger two = BigInteger.ONE.shiftLeft(s);
        BigInteger num = BigInteger.valueOf(a).add(BigInteger.ONE.shiftLeft(s - 1));
        BigInteger[] qr = num.divideAndRemainder(two);
        BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0]; // floor
        return q.longValueExact();
    }

    @Test
    void rshiftRoundsHalfUp() {
        assertEquals(1, FixedKernels.rshift(1, 1)); // 0.5 -> 1
        assertEquals(0, FixedKernels.rshift(-1, 1)); // -0.5 -> 0
        assertEquals(2, FixedKernels.rshift(3, 1)); // 1.5 -> 2
        assertEquals(-1, FixedKernels.rshift(-3, 1)); // -1.5 -> -1
        assertEquals(1, FixedKernels.rshift(5, 2)); // 1.25 -> 1
        assertEquals(2, FixedKernels.rshift(6, 2)); // 1.5 -> 2
        assertEquals(-1, FixedKernels.rshift(-6, 2)); // -1.5 -> -1
        assertEquals(-2, FixedKernels.rshift(-7, 2)); // -1.75 -> -2
        assertEquals(-7, FixedKernels.rshift(-7, 0));
        assertEquals(0, FixedKernels.rshift(Long.MIN_VALUE, 64));
        assertEquals(-1, FixedKernels.rshift(Long.MIN_VALUE, 63)); // -1 exactly
        assertEquals(1, FixedKernels.rshift(Long.MAX_VALUE, 63)); // just below 1 -> 1
        assertEquals(0, FixedKernels.rshift(Long.MAX_VALUE, 200));
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.rshift(1, -1));
    }

    @Test
    void rshiftMatchesItsDefinitionWithoutOverflow() {
        Random rnd = new Random(1);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 2L, -2L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
                1L << 30, -(1L << 30), 32767L, -32768L));
        for (int i = 0; i < 2000; i++) {
            int bits = 1 + rnd.nextInt(63);
            values.add(rnd.nextLong() >> (64 - bits));
        }
        for (int s = 0; s <= 70; s++) {
            for (long a : values) {
                long expected = s >= 64 ? 0 : rshiftByDefinition(a, s);
                assertEquals(expected, FixedKernels.rshift(a, s), "rshift(" + a + ", " + s + ")");
            }
            if (s >= 1 && s < 60) {
                for (long k = -3; k <= 3; k++) { // exact ties round up
                    long tie = (2 * k + 1) << (s - 1);
                    assertEquals(k + 1, FixedKernels.rshift(tie, s), "tie " + tie + " >> " + s);
                }
            }
        }
    }

    @Test
    void scaleMultipliesForNegativeShifts() {
        assertEquals(-12, FixedKernels.scale(-3, -2));
        assertEquals(-1, FixedKernels.scale(-6, 2));
        assertThrows(ArithmeticException.class, () -> FixedKernels.scale(Long.MAX_VALUE / 2, -2));
    }

    @Test
    void saturationClampsToTheStorageType() {
        assertEquals(32767, FixedKernels.sat16(32768));
        assertEquals(32767, FixedKernels.sat16(Long.MAX_VALUE));
        assertEquals(-32768, FixedKernels.sat16(-32769));
        assertEquals(-5, FixedKernels.sat16(-5));
        assertEquals(Integer.MAX_VALUE, FixedKernels.sat32(1L << 31));
        assertEquals(Integer.MIN_VALUE, FixedKernels.sat32(Long.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE, FixedKernels.sat32(Integer.MIN_VALUE));
        assertEquals(123456789, FixedKernels.sat32(123456789));
    }

    @Test
    void quantizeRoundsHalfUpAndSaturates() {
        assertEquals(8192, FixedKernels.quantize(0.5, 14, 16));
        assertEquals(1, FixedKernels.quantize(0.5, 0, 16));
        assertEquals(0, FixedKernels.quantize(-0.5, 0, 16));
        assertEquals(-1, FixedKernels.quantize(-1.5, 0, 16));
        assertEquals(-2, FixedKernels.quantize(-1.5000001, 0, 16));
        assertEquals(0, FixedKernels.quantize(0.49999999999999994, 0, 16)); // v + 0.5 would round to 1.0
        assertEquals(0, FixedKernels.quantize(-1e-300, 0, 16));
        assertEquals(3, FixedKernels.quantize(48, -4, 16)); // 48 / 16
        assertEquals(3, FixedKernels.quantize(40, -4, 16)); // 2.5 -> 3
        assertEquals(32767, FixedKernels.quantize(2.0, 14, 16));
        assertEquals(-32768, FixedKernels.quantize(-2.0, 14, 16));
        assertEquals(-32768, FixedKernels.quantize(Double.NEGATIVE_INFINITY, 0, 16));
        assertEquals(127, FixedKernels.quantize(1.0, 7, 8));
        assertEquals(-128, FixedKernels.quantize(-1.0, 7, 8));
        assertEquals(Integer.MAX_VALUE, FixedKernels.quantize(1e12, 0, 32));
        assertEquals(Integer.MIN_VALUE, FixedKernels.quantize(-1e12, 0, 32));
        assertEquals(-1_000_000_000, FixedKernels.quantize(-1e9, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.quantize(Double.NaN, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.quantize(1, 0, 12));
    }

    // ------------------------------------------------------------------ §3.4

    private static int[] everyInt16() {
        int[] x = new int[65536];
        for (int i = 0; i < x.length; i++) {
            x[i] = i - 32768;
        }
        return x;
    }

    private static double sigmoid(double v) {
        return 0.5 * (1 + Math.tanh(0.5 * v)); // accurate for every v, no overflow
    }

    /** The worst error of tanh and sigmoid at each format; asserts §3.4's bounds for f = 0 … 15. */
    @Test
    void tanhAndSigmoidStayWithinTheirErrorBoundsForEveryInput() {
        int[] x = everyInt16();
        double worstTanh = 0;
        double worstSigmoid = 0;
        String atTanh = "";
        String atSigmoid = "";
        for (int f = 0; f <= 15; f++) {
            int[] t = FixedKernels.tanhQ15(x, f);
            int[] s = FixedKernels.sigmoidQ15(x, f);
            for (int i = 0; i < x.length; i++) {
                double v = Math.scalb((double) x[i], -f);
                double et = Math.abs(t[i] / Q14 - Math.tanh(v));
                double es = Math.abs(s[i] / Q14 - sigmoid(v));
                if (et > worstTanh) {
                    worstTanh = et;
                    atTanh = "x = " + x[i] + " in Q" + f;
                }
                if (es > worstSigmoid) {
                    worstSigmoid = es;
                    atSigmoid = "x = " + x[i] + " in Q" + f;
                }
            }
        }
        System.out.printf("fixed-point tanh worst error %.4e at %s; sigmoid %.4e at %s%n", worstTanh, atTanh,
                worstSigmoid, atSigmoid);
        assertTrue(worstTanh <= TANH_BOUND, "tanh error " + worstTanh + " at " + atTanh);
        assertTrue(worstSigmoid <= SIGMOID_BOUND, "sigmoid error " + worstSigmoid + " at " + atSigmoid);
    }

    /** The same bounds hold over the whole format range of §1, not only 0 … 15. */
    @Test
    void tanhAndSigmoidBoundsHoldAtEveryFormat() {
        int[] x = everyInt16();
        for (int f = FixedKernels.MIN_FRAC; f <= FixedKernels.MAX_FRAC; f++) {
            if (f >= 0 && f <= 15) {
                continue;
            }
            int[] t = FixedKernels.tanhQ15(x, f);
            int[] s = FixedKernels.sigmoidQ15(x, f);
            for (int i = 0; i < x.length; i++) {
                double v = Math.scalb((double) x[i], -f);
                assertTrue(Math.abs(t[i] / Q14 - Math.tanh(v)) <= TANH_BOUND, "tanh x = " + x[i] + " Q" + f);
                assertTrue(Math.abs(s[i] / Q14 - sigmoid(v)) <= SIGMOID_BOUND, "sigmoid x = " + x[i] + " Q" + f);
            }
        }
    }

    @Test
    void tanhIsMonotoneBoundedAndOddAboutTheTablesSteps() {
        int[] x = everyInt16();
        for (int f = FixedKernels.MIN_FRAC; f <= FixedKernels.MAX_FRAC; f++) {
            int[] t = FixedKernels.tanhQ15(x, f);
            int[] s = FixedKernels.sigmoidQ15(x, f);
            for (int i = 1; i < x.length; i++) {
                assertTrue(t[i] >= t[i - 1] && s[i] >= s[i - 1], "monotone at x = " + x[i] + " Q" + f);
                assertTrue(Math.abs(t[i]) <= 16384 && s[i] >= 0 && s[i] <= 16384, "range at x = " + x[i]);
                if (f >= FixedKernels.TANH_STEP_BITS && x[i] >= 0) {
                    // floor(x / 2^s) and floor((-1 - x) / 2^s) are k and -1 - k, whose entries are opposite
                    assertEquals(-t[i], FixedKernels.tanhQ14(-1 - x[i], f), "odd at x = " + x[i] + " Q" + f);
                }
            }
        }
        int[] table = FixedKernels.tanhTable();
        assertEquals(table[256], FixedKernels.tanhQ14(0, 7)); // tanh(1/128): 0 is in the step [0, 1/64)
        assertEquals(128, table[256]);
        assertEquals((16384 + 128 + 1) >> 1, FixedKernels.sigmoidQ14(0, 7));
        assertEquals(table[511], FixedKernels.tanhQ14(4 << 10, 10)); // |x| >= 4: the last step
        assertEquals(table[0], FixedKernels.tanhQ14(-32768, 12));
        assertEquals(table[0], FixedKernels.tanhQ14(-1, -16)); // any negative x in Q(-16) is past -4
    }

    /** The correctly rounded (half up) Q14 value of a real v that is exact in double. */
    private static int q14(double v) {
        return (int) Math.floor(v * Q14 + 0.5);
    }

    @Test
    void clampsAreExactAtEveryInputAndFormat() {
        int[] x = everyInt16();
        for (int f = FixedKernels.MIN_FRAC; f <= FixedKernels.MAX_FRAC; f++) {
            int[] qt = FixedKernels.quantTanhQ15(x, f);
            int[] qs = FixedKernels.quantSigmQ15(x, f);
            int[] qs4 = FixedKernels.quantSigm4Q15(x, f);
            int[] relu = FixedKernels.reluQ15(x, f);
            for (int i = 0; i < x.length; i++) {
                double v = Math.scalb((double) x[i], -f); // exact, and so is every step below
                String at = "x = " + x[i] + " in Q" + f;
                assertEquals(q14(Math.max(-1, Math.min(1, v))), qt[i], "quantTanh " + at);
                assertEquals(q14(Math.max(0, Math.min(1, (v + 1) / 2))), qs[i], "quantSigm " + at);
                assertEquals(q14(Math.max(0, Math.min(1, (v + 2) / 4))), qs4[i], "quantSigm4 " + at);
                assertEquals(Math.max(0, x[i]), relu[i], "relu " + at);
            }
        }
    }

    @Test
    void nonlinearitiesRejectFormatsOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.tanhQ15(new int[1], 31));
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.quantSigmQ15(new int[1], -17));
        assertThrows(IllegalArgumentException.class, () -> FixedKernels.reluQ15(new int[] {40000}, 3));
    }

    // ------------------------------------------------------------------ the table

    @Test
    void tanhTableIsTanhInQ14AwayFromRoundingTies() {
        int[] t = FixedKernels.tanhTable();
        assertEquals(512, t.length);
        for (int j = 0; j < t.length; j++) {
            double scaled = Math.tanh((j - 256 + 0.5) / 64) * Q14;
            assertEquals(Math.floor(scaled + 0.5), t[j], 0, "T[" + j + "]");
            // a tie would make the entry depend on the last bit of the libm's tanh
            assertTrue(Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-4, "T[" + j + "] is near a tie");
            assertEquals(-t[j], t[511 - j], "T is odd about its middle at " + j);
            if (j > 0) {
                assertTrue(t[j] >= t[j - 1] && t[j] - t[j - 1] <= 256, "T rises by 0 … 256 at " + j);
            }
        }
    }

    @Test
    void theCTablesHoldExactlyTheJavaTableAndSigmoidsOfIt() {
        String c = Resources.text("runtime-c/src/fgc_tanh_table_q15.c");
        int[] tanh = FixedKernels.tanhTable();
        assertArrayEquals(tanh, cTable(c, "fgc_tanh_table_q14"));
        int[] sigmoid = cTable(c, "fgc_sigmoid_table_q14");
        assertEquals(tanh.length, sigmoid.length);
        for (int j = 0; j < tanh.length; j++) {
            assertEquals((16385 + tanh[j]) >> 1, sigmoid[j], "sigmoid entry " + j);
            // the entry an index j selects is §3.4's sigmoid of an input in Q(f) whose index for f + 1 is j
            assertEquals(FixedKernels.sigmoidQ14((j - 256) << 7, 12), sigmoid[j], "sigmoid of index " + j);
        }
    }

    private static int[] cTable(String c, String name) {
        Matcher m = Pattern.compile(name + "\\s*\\[\\s*512\\s*\\]\\s*(?:FGC_ROM\\s*)?=\\s*\\{([^}]*)\\}").matcher(c);
        assertTrue(m.find(), "no definition of " + name + " in fgc_tanh_table_q15.c");
        String[] items = m.group(1).trim().split("\\s*,\\s*");
        int[] parsed = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            parsed[i] = Integer.parseInt(items[i]);
        }
        return parsed;
    }

    // ------------------------------------------------------------------ §3.1 – §3.3, §3.8

    @Test
    void normalizeSaturatesTheDifferenceThenRounds() {
        int[] y = FixedKernels.normalizeQ15(new int[] {32767, -32768, 100, 3, -32768},
                new int[] {-32768, 32767, 40, 0, 0}, new int[] {16384, 16384, 3, 1, -32768}, 14);
        // 32767 * 1.0; -32768 * 1.0; 60 * 3 / 2^14 = 0.011 -> 0; 3 / 2^14 -> 0; 2^30 / 2^14 saturates
        assertArrayEquals(new int[] {32767, -32768, 0, 0, 32767}, y);
        assertArrayEquals(new int[] {-5}, FixedKernels.normalizeQ15(new int[] {-11}, new int[] {0}, new int[] {1}, 1));
        assertArrayEquals(new int[] {0}, FixedKernels.normalizeQ15(new int[] {-32768}, new int[] {0},
                new int[] {-32768}, 40));
    }

    @Test
    void matvecRoundsSaturatesAndAccumulatesWithoutIntermediateSaturation() {
        int[] m = {1, -2, 3, 127, -128, 127};
        int[] v = {10, 20, -3};
        assertArrayEquals(new int[] {-39, 127 * 10 - 128 * 20 - 381}, FixedKernels.matvecQ7Q15(m, v, 2, 3, 0));
        assertArrayEquals(new int[] {-10, -418}, FixedKernels.matvecQ7Q15(m, v, 2, 3, 2)); // -9.75, -417.75
        int[] big = {32767, 32767, 32767, 32767};
        int[] vv = {32767, 32767, 32767, 32767};
        assertArrayEquals(new int[] {Integer.MAX_VALUE}, FixedKernels.matvecQ15Q15(big, vv, 1, 4, 0));
        long sum = 4L * 32767 * 32767; // 2^32 - ..., above int32
        int[] acc = {Integer.MIN_VALUE};
        // sat32(acc + sum) = 2147221508, not sat32(acc + sat32(sum)) = -1
        assertEquals(Integer.MIN_VALUE + sum, FixedKernels.matvecAccQ15Q15(big, vv, 1, 4, 0, acc)[0]);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 5},
                FixedKernels.matvecAccQ7Q15(new int[] {1, 0}, new int[] {7}, 2, 1, 1, new int[] {Integer.MAX_VALUE - 1, 5}));
        assertArrayEquals(new int[] {0}, FixedKernels.matvecQ15Q15(big, vv, 1, 4, 64));
    }

    @Test
    void int8ProductsRefuseToOverflowTheInt32Accumulator() {
        int cols = 600;
        int[] m = new int[cols];
        int[] v = new int[cols];
        java.util.Arrays.fill(m, -128);
        java.util.Arrays.fill(v, -32768);
        assertThrows(ArithmeticException.class, () -> FixedKernels.matvecQ7Q15(m, v, 1, cols, 0));
        int[] ok = FixedKernels.matvecQ7Q15(java.util.Arrays.copyOf(m, 511), java.util.Arrays.copyOf(v, 511), 1, 511, 0);
        assertEquals(511L << 22, ok[0]);
    }

    @Test
    void narrowAndBiasesSaturate() {
        assertArrayEquals(new int[] {32767, -32768, 12}, FixedKernels.narrowQ15(new int[] {70000, Integer.MIN_VALUE, 12}));
        assertArrayEquals(new int[] {32767, -32768, 0},
                FixedKernels.biasQ15(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 32768}, new int[] {32767, -32768, -32768}));
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1},
                FixedKernels.biasQ31(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 1}, new int[] {1, -1, -2}));
    }

    @Test
    void argmaxTakesTheFirstOfATie() {
        assertEquals(1, FixedKernels.argmaxQ31(new int[] {1, 3, -2, 3, 0}));
        assertEquals(0, FixedKernels.argmaxQ31(new int[] {Integer.MIN_VALUE}));
        assertEquals(2, FixedKernels.argmaxQ31(new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE}));
        assertEquals(0, FixedKernels.argmaxQ31(new int[0]));
    }

    // ------------------------------------------------------------------ §3.5, §3.6

    @Test
    void blendsApproximateTheRealUpdatesWithinTheirRounding() {
        Random rnd = new Random(7);
        for (int n = 0; n < 20000; n++) {
            int fz = 14;
            int fc = rnd.nextInt(17) - 2;
            int fh = Math.max(FixedKernels.MIN_FRAC, 14 + fc - rnd.nextInt(20));
            int z = rnd.nextInt(16385);
            int c = rnd.nextInt(65536) - 32768;
            int h = rnd.nextInt(65536) - 32768;
            int zeta = rnd.nextInt(16385);
            int nu = rnd.nextInt(16385);
            double zr = z / Q14;
            double cr = Math.scalb((double) c, -fc);
            double hr = Math.scalb((double) h, -fh);
            double real = zr * hr + ((zeta / Q14) * (1 - zr) + nu / Q14) * cr;
            double want = Math.scalb(real, fh);
            int got = FixedKernels.fastgrnnBlendQ15(new int[] {z}, fz, new int[] {c}, fc, zeta, nu, fh, new int[] {h})[0];
            // rounding: 1/2 LSB for each of the two terms, plus 1/2 LSB of Q14 in coef times |c|
            double tolerance = 1 + 0.5 * Math.abs(cr) * Math.scalb(1.0, fh - 14) + 1e-9;
            if (want > -32768 && want < 32767) {
                assertEquals(want, got, tolerance, "grnn z=" + z + " c=" + c + "/Q" + fc + " h=" + h + "/Q" + fh);
            } else {
                assertEquals(want > 0 ? 32767 : -32768, got, tolerance, "grnn saturates");
            }
            double rreal = (nu / Q14) * hr + (zeta / Q14) * cr;
            int rgot = FixedKernels.fastrnnBlendQ15(new int[] {c}, fc, zeta, nu, fh, new int[] {h})[0];
            double rwant = Math.max(-32768, Math.min(32767, Math.scalb(rreal, fh)));
            assertEquals(rwant, rgot, 1 + 1e-9, "rnn c=" + c + "/Q" + fc + " h=" + h + "/Q" + fh);
        }
    }

    @Test
    void fastgrnnWithANegativeGateFormatMultiplies() {
        // relu gate z = 3 in Q(-2) is 12.0; h = 100 in Q0, c = 1 in Q0, zeta = 0.5, nu = 0.25
        // h' = 12 * 100 + (0.5 * (1 - 12) + 0.25) * 1 = 1200 - 5.25 = 1194.75 -> 1195
        int[] h = FixedKernels.fastgrnnBlendQ15(new int[] {3}, -2, new int[] {1}, 0, 8192, 4096, 0, new int[] {100});
        assertArrayEquals(new int[] {1195}, h);
        assertThrows(IllegalArgumentException.class,
                () -> FixedKernels.fastgrnnBlendQ15(new int[] {0}, 14, new int[] {0}, 0, 0, 0, 15, new int[] {0}));
    }
}
