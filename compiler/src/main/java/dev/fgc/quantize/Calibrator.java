package dev.fgc.quantize;

import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.reference.FloatReference;
import java.util.HashMap;
import java.util.Map;

/** Runs the float reference over calibration data and records every intermediate's largest magnitude. */
public final class Calibrator {
    private Calibrator() {
    }

    public static RangeProfile calibrate(Model model, Dataset data) {
        Map<String, Double> max = new HashMap<>();
        FloatReference.Probe probe = (point, values) -> {
            double m = max.getOrDefault(point, 0.0);
            for (double v : values) {
                m = Math.max(m, Math.abs(v));
            }
            max.put(point, m);
        };
        FloatReference reference = new FloatReference(model, probe);
        for (int i = 0; i < data.size(); i++) {
            reference.scores(data.features(i));
        }
        return new RangeProfile(max, "calibrated on " + data.source() + " (" + data.size() + " examples)", true);
    }

    /** How many values at each point fall outside the given formats on the data. */
    public static Map<String, Long> saturations(Model model, Dataset data, Map<String, QFormat> formats) {
        Map<String, Long> count = new HashMap<>();
        FloatReference.Probe probe = (point, values) -> {
            QFormat f = formats.get(point);
            if (f == null) {
                return;
            }
            double limit = f.maxValue();
            long n = 0;
            for (double v : values) {
                n += Math.abs(v) > limit ? 1 : 0;
            }
            count.merge(point, n, Long::sum);
        };
        FloatReference reference = new FloatReference(model, probe);
        for (int i = 0; i < data.size(); i++) {
            reference.scores(data.features(i));
        }
        return count;
    }
}
