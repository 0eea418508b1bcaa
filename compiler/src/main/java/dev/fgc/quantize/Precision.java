package dev.fgc.quantize;

import dev.fgc.UserError;
import java.util.Locale;

/** The number format of a compiled model (docs/fixed-point.md). */
public enum Precision {
    /** float32 throughout. */
    FLOAT(false),
    /** 16-bit weights and activations. */
    INT16(true),
    /** 8-bit weight matrices, 16-bit biases, state and activations (the paper's setting). */
    INT8(true),
    /** 8 or 16 bits per weight matrix, the smallest model within an accuracy budget. */
    AUTO(true);

    private final boolean fixedPoint;

    Precision(boolean fixedPoint) {
        this.fixedPoint = fixedPoint;
    }

    public boolean isFixedPoint() {
        return fixedPoint;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision parse(String s) {
        for (Precision p : values()) {
            if (p.label().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new UserError("unknown precision '" + s + "': expected float, int16, int8 or auto");
    }

    @Override
    public String toString() {
        return label();
    }
}
