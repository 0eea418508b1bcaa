package dev.fgc.quantize;

/** A fixed-point format Q(frac) in a signed integer of {@code bits} bits (docs/fixed-point.md §1). */
public record QFormat(int frac, int bits) {
    public static final int MIN_FRAC = -16;
    public static final int MAX_FRAC = 30;

    public QFormat {
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new IllegalArgumentException("storage of " + bits + " bits");
        }
        if (frac < MIN_FRAC || frac > MAX_FRAC) {
            throw new IllegalArgumentException("format Q(" + frac + ") outside [" + MIN_FRAC + ", " + MAX_FRAC + "]");
        }
    }

    public long max() {
        return (1L << (bits - 1)) - 1;
    }

    /** The largest finite value the format holds. */
    public double maxValue() {
        return max() / Math.pow(2, frac);
    }

    /**
     * The format with the most fractional bits, at most {@code maxFrac}, in which {@code bound}
     * still fits.
     */
    public static QFormat fit(double bound, int bits, int maxFrac) {
        long max = (1L << (bits - 1)) - 1;
        int f = maxFrac;
        while (f > MIN_FRAC && bound * Math.pow(2, f) > max) {
            f--;
        }
        return new QFormat(f, bits);
    }

    /** {@code v} in this format: round half up, saturated (§2 quantize). */
    public int quantize(double v) {
        return FixedKernels.quantize(v, frac, bits);
    }

    public String describe() {
        return "Q" + frac + " int" + bits;
    }
}
