package dev.fgc.pack;

import dev.fgc.UserError;
import java.util.Locale;

/** How a weight matrix is stored in flash. */
public enum Layout {
    /** Every value, row-major [out][in]. */
    DENSE,
    /** Compressed rows: per row a count, then the column index and value of each non-zero. */
    SPARSE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The user's choice: one layout for every matrix, or the smaller per matrix. */
    public enum Policy {
        AUTO, DENSE, SPARSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Policy parse(String s) {
            for (Policy p : values()) {
                if (p.name().equalsIgnoreCase(s)) {
                    return p;
                }
            }
            throw new UserError("unknown layout '" + s + "': expected dense, sparse or auto");
        }
    }
}
