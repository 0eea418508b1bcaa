package dev.fgc.quantize;

import dev.fgc.UserError;
import java.util.Locale;

/** The number format of a compiled model. */
public enum Precision {
    FLOAT(false),
    INT16(true),
    INT8(true);

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
        throw new UserError("unknown precision '" + s + "': expected float, int16 or int8");
    }

    /** The precisions this build can compile; fixed point is not implemented yet. */
    public static Precision requireSupported(Precision p) {
        if (p != FLOAT) {
            throw new UserError("precision " + p.label() + " is not available in fgc " + dev.fgc.Version.VERSION
                    + " yet; use --precision float");
        }
        return p;
    }

    @Override
    public String toString() {
        return label();
    }
}
