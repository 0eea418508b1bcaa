package dev.fgc.verify;

/**
 * When float device scores match the float reference: within 1e-4·max(1, |reference|), which
 * covers float32 against the double reference, including the runtime's float e^x and tanh, and
 * nothing more. Fixed-point scores must equal the fixed-point reference's integers exactly.
 */
public final class ScoreCheck {
    public static final double FLOAT_RELATIVE_TOLERANCE = 1e-4;

    private ScoreCheck() {
    }

    public static boolean floatMatches(double device, double reference) {
        return Math.abs(device - reference) <= FLOAT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(reference));
    }
}
