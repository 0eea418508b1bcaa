package dev.fgc.quantize;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The largest magnitude each intermediate of the cell takes (by {@code FloatReference.Probe}
 * names), from calibration data or from a conservative static bound; {@link #source()} says which.
 */
public record RangeProfile(Map<String, Double> maxAbs, String source, boolean calibrated) {

    public RangeProfile {
        maxAbs = Collections.unmodifiableMap(new TreeMap<>(maxAbs));
    }

    public double bound(String point) {
        Double b = maxAbs.get(point);
        if (b == null) {
            throw new IllegalStateException("no range recorded for " + point);
        }
        return b;
    }

    public boolean has(String point) {
        return maxAbs.containsKey(point);
    }
}
