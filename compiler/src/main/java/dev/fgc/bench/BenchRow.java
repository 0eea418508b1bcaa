package dev.fgc.bench;

import dev.fgc.verify.VerifyReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark row: a verification run of one model on one board at one precision and layout,
 * with the multiply-accumulates an inference executes, to put its speed per unit of work.
 */
public record BenchRow(String layout, long macsPerInference, VerifyReport report) {

    /** Instructions (Cortex-M) or cycles (AVR) per multiply-accumulate. */
    public double perMac() {
        return macsPerInference == 0 ? 0 : (double) report.speed().perInference() / macsPerInference;
    }

    public Map<String, Object> toMap() {
        VerifyReport r = report;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("board", r.board());
        m.put("precision", r.precision());
        m.put("layout", layout);
        m.put("samples", r.samples());
        m.put("matched", r.matched());
        r.accuracy().ifPresent(a -> m.put("deviceAccuracy", a.device()));
        m.put("agreement", r.agreement());
        m.put(r.speed().unit().label() + "PerInference", r.speed().perInference());
        m.put("clockHz", r.speed().clockHz());
        m.put("millisecondsPerInference", round(r.speed().milliseconds(), 1000));
        m.put("macsPerInference", macsPerInference);
        m.put(r.speed().unit().label() + "PerMac", round(perMac(), 100));
        m.put("flashBytes", r.sizes().flashTotal());
        m.put("ramBytes", r.sizes().ramTotal());
        m.put("passed", r.passed());
        return m;
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }
}
