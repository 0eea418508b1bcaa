package dev.fgc.report;

import dev.fgc.load.Dataset;
import dev.fgc.quantize.Calibrator;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.QFormat;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What quantization chose, per tensor: format, range and size of every constant; format, range
 * seen and saturations on the calibration data of every activation; and where the ranges came from.
 */
public final class QuantizationReport {
    private QuantizationReport() {
    }

    public static Map<String, Object> of(FixedPlan plan, Optional<Dataset> calibration) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ranges", plan.ranges().source());
        m.put("calibrated", plan.ranges().calibrated());
        m.put("inputFormat", plan.input().describe());
        m.put("scoreFormat", plan.scores().describe());
        List<Object> constants = new ArrayList<>();
        for (QTensor t : plan.constants()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", t.name());
            c.put("shape", List.of(t.rows(), t.cols()));
            c.put("format", t.format().describe());
            c.put("maxAbs", t.maxAbs());
            c.put("bytes", t.bytes());
            constants.add(c);
        }
        m.put("constants", constants);
        Map<String, Long> saturated = calibration
                .map(d -> Calibrator.saturations(plan.model(), d, plan.activationFormats()))
                .orElse(Map.of());
        List<Object> activations = new ArrayList<>();
        plan.activationFormats().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            QFormat f = e.getValue();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", e.getKey());
            a.put("format", f.describe());
            a.put("rangeSeen", plan.ranges().has(e.getKey()) ? plan.ranges().bound(e.getKey()) : null);
            if (calibration.isPresent()) {
                a.put("saturated", saturated.getOrDefault(e.getKey(), 0L));
            }
            activations.add(a);
        });
        m.put("activations", activations);
        return m;
    }
}
