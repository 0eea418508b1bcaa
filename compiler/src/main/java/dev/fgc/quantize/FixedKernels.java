package dev.fgc.quantize;

/**
 * The Java mirror of the fixed-point C kernels ({@code runtime-c/include/fgc_q15.h}): every
 * method computes exactly the integers its C kernel computes, as specified in
 * {@code docs/fixed-point.md} (cited as §n). Values travel as {@code int[]} holding values in the
 * range of the C type (int8, int16 or int32); arithmetic is done in {@code long}, where none of the
 * specified sums and products can overflow. Inputs are never modified; every kernel returns a new
 * array.
 *
 * <p>Formats (fractional bits) range over {@link #MIN_FRAC} … {@link #MAX_FRAC} (§1).
 */
public final class FixedKernels {
    /** The smallest and largest format of §1. */
    public static final int MIN_FRAC = -16;
    public static final int MAX_FRAC = 30;
    /** The format of gate outputs and cell constants (§1): 1.0 = 16384. */
    public static final int Q14 = 14;

    private static final int ONE_Q14 = 1 << Q14;
    /** §3.4: the table's step is 2^−6; it covers [−4, 4). */
    public static final int TANH_STEP_BITS = 6;
    /** §3.4: the table's entries, one per step, and its index offset. */
    public static final int TANH_ENTRIES = 512;
    private static final int TANH_MID = TANH_ENTRIES / 2;
    /** §3.4: tanh((k + 1/2) / 64) in Q14 at index 256 + k, k = −256 … 255. */
    private static final int[] TANH_TABLE = computeTanhTable();

    private FixedKernels() {
    }

    // ---------------------------------------------------------------- §2 primitives

    /**
     * §2 rshift: {@code floor((a + 2^(s−1)) / 2^s)} for s ≥ 1 (round half up), {@code a} for s = 0.
     * Computed as {@code floor(a / 2^s)} plus bit s−1 of a, which is the same integer without the
     * addition (that could overflow); every long rounds to 0 for s ≥ 64.
     */
    public static long rshift(long a, int s) {
        if (s < 0) {
            throw new IllegalArgumentException("rshift by a negative amount " + s + " (§2)");
        }
        if (s == 0) {
            return a;
        }
        if (s >= 64) {
            return 0;
        }
        return (a >> s) + ((a >> (s - 1)) & 1);
    }

    /**
     * A change of format by {@code s} bits: {@link #rshift} for s ≥ 0, the exact product
     * {@code a · 2^(−s)} for s < 0 (§2, §3.5).
     */
    public static long scale(long a, int s) {
        return s >= 0 ? rshift(a, s) : Math.multiplyExact(a, 1L << -s);
    }

    /** §2 sat16: clamp to −32768 … 32767. */
    public static int sat16(long a) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a));
    }

    /** §2 sat32: clamp to −2^31 … 2^31 − 1. */
    public static int sat32(long a) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, a));
    }

    /**
     * §2 quantize (host side): {@code sat_T(floor(v · 2^f + 0.5))} for a storage type of
     * {@code bits} = 8, 16 or 32 bits, rounding half up exactly (no double rounding of the +0.5).
     */
    public static int quantize(double v, int f, int bits) {
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new IllegalArgumentException("no storage type of " + bits + " bits (§1)");
        }
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("cannot quantize NaN");
        }
        double s = Math.scalb(v, f);
        double floor = Math.floor(s);
        // s − floor is exact for |s| ≥ 1, and monotonically rounded (0.5 is representable) below
        double rounded = s - floor >= 0.5 ? floor + 1 : floor;
        long max = (1L << (bits - 1)) - 1;
        if (rounded >= max) {
            return (int) max;
        }
        if (rounded <= -max - 1) {
            return (int) (-max - 1);
        }
        return (int) rounded;
    }

    /**
     * §3.4: the 512-entry table, {@code T[256 + k] = quantize(tanh((k + 1/2) / 64), 14, q15)} for
     * k = −256 … 255: tanh at the middle of each step of 1/64 on [−4, 4).
     */
    public static int[] tanhTable() {
        return TANH_TABLE.clone();
    }

    private static int[] computeTanhTable() {
        int[] t = new int[TANH_ENTRIES];
        for (int j = 0; j < t.length; j++) {
            t[j] = quantize(Math.tanh((j - TANH_MID + 0.5) / (1 << TANH_STEP_BITS)), Q14, 16);
        }
        return t;
    }

    /**
     * §3.4 step 1: the table's index for x in Q(f), {@code clamp(floor(x · 2^(6 − f)), −256, 255)}, exactly
     * (a left shift by at most 22 of an int fits a long).
     */
    public static int tanhIndex(int x, int f) {
        long k = f >= TANH_STEP_BITS ? (long) x >> Math.min(f - TANH_STEP_BITS, 63) : (long) x << (TANH_STEP_BITS - f);
        return (int) Math.max(-TANH_MID, Math.min(TANH_MID - 1, k));
    }

    // ---------------------------------------------------------------- §3.1 normalisation

    /**
     * §3.1 {@code fgc_normalize_q15}: {@code y[i] = sat16(rshift(sat16(x[i] − mean[i]) · invStd[i], shift))}.
     */
    public static int[] normalizeQ15(int[] x, int[] mean, int[] invStd, int shift) {
        requireLength(mean, x.length, "mean");
        requireLength(invStd, x.length, "inv_std");
        requireShift(shift);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            long d = sat16((long) q15(x[i]) - q15(mean[i]));
            y[i] = sat16(rshift(d * q15(invStd[i]), shift));
        }
        return y;
    }

    // ---------------------------------------------------------------- §3.2 matrix–vector products

    /**
     * §3.2 {@code fgc_matvec_q7_q15}: {@code y[r] = sat32(rshift(Σ_c m[r][c] · v[c], shift))} with int8
     * weights, m row-major [rows][cols]. The C kernel accumulates in int32 in column order; if a
     * partial sum would leave int32 (the compiler's bound check failed) this throws
     * {@link ArithmeticException} instead of returning what C could not compute.
     */
    public static int[] matvecQ7Q15(int[] m, int[] v, int rows, int cols, int shift) {
        return matvec(m, 8, v, rows, cols, shift, null);
    }

    /** §3.2 {@code fgc_matvec_acc_q7_q15}: {@code y[r] = sat32(acc[r] + rshift(Σ_c m[r][c] · v[c], shift))}. */
    public static int[] matvecAccQ7Q15(int[] m, int[] v, int rows, int cols, int shift, int[] acc) {
        requireLength(acc, rows, "accumulator");
        return matvec(m, 8, v, rows, cols, shift, acc);
    }

    /** §3.2 {@code fgc_matvec_q15_q15}: as {@link #matvecQ7Q15} with int16 weights (int64 sums in C). */
    public static int[] matvecQ15Q15(int[] m, int[] v, int rows, int cols, int shift) {
        return matvec(m, 16, v, rows, cols, shift, null);
    }

    /** §3.2 {@code fgc_matvec_acc_q15_q15}: as {@link #matvecAccQ7Q15} with int16 weights. */
    public static int[] matvecAccQ15Q15(int[] m, int[] v, int rows, int cols, int shift, int[] acc) {
        requireLength(acc, rows, "accumulator");
        return matvec(m, 16, v, rows, cols, shift, acc);
    }

    private static int[] matvec(int[] m, int weightBits, int[] v, int rows, int cols, int shift, int[] acc) {
        if (rows < 0 || cols < 0 || rows > 0xFFFF || cols > 0xFFFF) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " outside the uint16 dimensions");
        }
        requireLength(m, rows * cols, "matrix");
        requireLength(v, cols, "vector");
        requireShift(shift);
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int c = 0; c < cols; c++) {
                int w = m[r * cols + c];
                if (weightBits == 8 ? w != (byte) w : w != (short) w) {
                    throw new IllegalArgumentException("weight " + w + " outside int" + weightBits);
                }
                sum += (long) w * q15(v[c]);
                if (weightBits == 8 && sum != (int) sum) {
                    throw new ArithmeticException("row " + r + " of an int8-weight product leaves the int32 accumulator"
                            + " (docs/fixed-point.md §3.2)");
                }
            }
            long shifted = rshift(sum, shift);
            y[r] = sat32(acc == null ? shifted : acc[r] + shifted);
        }
        return y;
    }

    // ---------------------------------------------------------------- §3.3 narrowing and bias

    /** §3.3 {@code fgc_narrow_q15}: {@code y[i] = sat16(a[i])}. */
    public static int[] narrowQ15(int[] a) {
        int[] y = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = sat16(a[i]);
        }
        return y;
    }

    /** §3.3 {@code fgc_bias_q15}: {@code y[i] = sat16(a[i] + b[i])}, a int32, b q15. */
    public static int[] biasQ15(int[] a, int[] b) {
        requireLength(b, a.length, "bias");
        int[] y = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = sat16((long) a[i] + q15(b[i]));
        }
        return y;
    }

    // ---------------------------------------------------------------- §3.4 nonlinearities

    /** §3.4 {@code fgc_sigmoid_q15}: Q(f) → Q14, {@code (16384 + tanh_q14(x, f + 1) + 1) >> 1}. */
    public static int[] sigmoidQ15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = sigmoidQ14(q15(x[i]), f);
        }
        return y;
    }

    /** §3.4 {@code fgc_tanh_q15}: Q(f) → Q14 by the table. */
    public static int[] tanhQ15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = tanhQ14(q15(x[i]), f);
        }
        return y;
    }

    /** §3.4 {@code fgc_relu_q15}: {@code max(x, 0)}, format unchanged. */
    public static int[] reluQ15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(q15(x[i]), 0);
        }
        return y;
    }

    /** §3.4 {@code fgc_quant_sigm_q15}: clamp((x + 1)/2, 0, 1), Q(f) → Q14. */
    public static int[] quantSigmQ15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = affineClampQ14(q15(x[i]), f, 1);
        }
        return y;
    }

    /** §3.4 {@code fgc_quant_sigm4_q15}: clamp((x + 2)/4, 0, 1), Q(f) → Q14. */
    public static int[] quantSigm4Q15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = affineClampQ14(q15(x[i]), f, 2);
        }
        return y;
    }

    /** §3.4 {@code fgc_quant_tanh_q15}: clamp(x, −1, 1), Q(f) → Q14. */
    public static int[] quantTanhQ15(int[] x, int f) {
        requireFrac(f);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = affineClampQ14(q15(x[i]), f, 0);
        }
        return y;
    }

    /** §3.4 steps 1–2: tanh of x in Q(f) as Q14 by the table, f from −16 to 31 (sigmoid passes f + 1). */
    public static int tanhQ14(int x, int f) {
        return TANH_TABLE[TANH_MID + tanhIndex(x, f)];
    }

    /** §3.4 sigmoid of x in Q(f) as Q14. */
    public static int sigmoidQ14(int x, int f) {
        return (ONE_Q14 + tanhQ14(x, f + 1) + 1) >> 1;
    }

    /**
     * The three clamps of §3.4, as the value {@code clamp((x·2^−f + p) / 2^p, 0, 1)} for p = 1 (quantSigm)
     * and p = 2 (quantSigm4), {@code clamp(x·2^−f, −1, 1)} for p = 0 (quantTanh), rounded half up to Q14.
     * Computed in Q(g), g = max(f + p, 14), where the value is the integer {@code x·2^(g−f−p) + 2^(g−1)}
     * (p ≥ 1) or {@code x·2^(g−f)} (p = 0), exactly; for f + p ≥ 14 this is §3.4's {@code u} itself.
     */
    private static int affineClampQ14(int x, int f, int p) {
        int g = Math.max(f + p, Q14);
        long u = scale(x, f + p - g) + (p == 0 ? 0 : 1L << (g - 1));
        long lo = p == 0 ? -(1L << g) : 0;
        long clamped = Math.max(lo, Math.min(1L << g, u));
        return (int) rshift(clamped, g - Q14);
    }

    // ---------------------------------------------------------------- §3.5, §3.6 cell updates

    /**
     * §3.5 {@code fgc_fastgrnn_blend_q15} and {@code _wide} (the same integers): with z in Q(fz), c in
     * Q(fc), h in Q(fh), zeta and nu = σ(·) in Q14,
     * {@code coef = rshift(zeta·(2^fz − z), fz) + nu} (for fz < 0 exactly {@code zeta + nu − zeta·z·2^−fz}),
     * {@code h' = sat16(scale(z·h, fz) + rshift(coef·c, 14 + fc − fh))}.
     */
    public static int[] fastgrnnBlendQ15(int[] z, int fz, int[] c, int fc, int zeta, int nu, int fh, int[] h) {
        requireFrac(fz);
        requireFrac(fc);
        requireFrac(fh);
        requireLength(c, z.length, "update");
        requireLength(h, z.length, "hidden state");
        int sc = blendShift(fc, fh);
        long zt = q15(zeta);
        long nt = q15(nu);
        int[] y = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            long zi = q15(z[i]);
            long coef = fz >= 0 ? rshift(zt * ((1L << fz) - zi), fz) + nt : zt + nt - zt * zi * (1L << -fz);
            y[i] = sat16(scale(zi * q15(h[i]), fz) + rshift(coef * q15(c[i]), sc));
        }
        return y;
    }

    /**
     * §3.6 {@code fgc_fastrnn_blend_q15} and {@code _wide}: with alpha and beta = σ(·) in Q14,
     * {@code h' = sat16(rshift(beta·h, 14) + rshift(alpha·c, 14 + fc − fh))}.
     */
    public static int[] fastrnnBlendQ15(int[] c, int fc, int alpha, int beta, int fh, int[] h) {
        requireFrac(fc);
        requireFrac(fh);
        requireLength(h, c.length, "hidden state");
        int sc = blendShift(fc, fh);
        long a = q15(alpha);
        long b = q15(beta);
        int[] y = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            y[i] = sat16(rshift(b * q15(h[i]), Q14) + rshift(a * q15(c[i]), sc));
        }
        return y;
    }

    private static int blendShift(int fc, int fh) {
        int s = Q14 + fc - fh;
        if (s < 0) {
            throw new IllegalArgumentException("blend needs 14 + f_c - f_h >= 0, got f_c = " + fc + ", f_h = " + fh
                    + " (§3.5)");
        }
        return s;
    }

    // ---------------------------------------------------------------- §3.8 classifier

    /** §3.8 {@code fgc_bias_q31}: {@code y[i] = sat32(a[i] + b[i])}. */
    public static int[] biasQ31(int[] a, int[] b) {
        requireLength(b, a.length, "bias");
        int[] y = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = sat32((long) a[i] + b[i]);
        }
        return y;
    }

    /** §3.8 {@code fgc_argmax_q31}: the index of the largest value, the first on a tie (0 when empty). */
    public static int argmaxQ31(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- argument checks

    private static int q15(int v) {
        if (v != (short) v) {
            throw new IllegalArgumentException("value " + v + " outside int16");
        }
        return v;
    }

    private static void requireFrac(int f) {
        if (f < MIN_FRAC || f > MAX_FRAC) {
            throw new IllegalArgumentException("format Q" + f + " outside Q" + MIN_FRAC + " … Q" + MAX_FRAC + " (§1)");
        }
    }

    private static void requireShift(int s) {
        if (s < 0 || s > 255) {
            throw new IllegalArgumentException("shift " + s + " outside 0 … 255 (a uint8_t)");
        }
    }

    private static void requireLength(int[] a, int n, String what) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + n);
        }
    }
}
