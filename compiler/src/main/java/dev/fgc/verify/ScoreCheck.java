package dev.fgc.verify;

import dev.fgc.quantize.Precision;

/**
 * When a device score matches the reference: exactly for fixed point; for float within
 * 1e-4·max(1, |reference|), which covers float32 against the double reference and the target
 * libm's last-bit differences, and nothing more.
 */
final class ScoreCheck {
    static final double FLOAT_RELATIVE_TOLERANCE = 1e-4;

    private ScoreCheck() {
    }

    static boolean matches(Precision precision, double device, double reference) {
        if (precision.isFixedPoint()) {
            return device == reference;
        }
        return Math.abs(device - reference) <= FLOAT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(reference));
    }
}
