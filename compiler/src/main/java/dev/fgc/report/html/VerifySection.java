package dev.fgc.report.html;

import dev.fgc.device.BoardCatalog;
import dev.fgc.verify.VerifyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One verification as the report's template shows it: the terminal's summary and its plots. */
final class VerifySection {
    private VerifySection() {
    }

    static Map<String, Object> of(VerifyReport r, String anchor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor", anchor);
        m.put("model", r.model());
        m.put("board", r.board());
        m.put("boardDescription", BoardCatalog.load().byName(r.board()).description());
        m.put("precision", r.precision());
        m.put("passed", r.passed());
        m.put("summary", r.summary());
        VerifyReport.Sizes s = r.sizes();
        List<BarChart.Bar> flash = new ArrayList<>();
        s.flashSections().forEach((name, bytes) -> flash.add(new BarChart.Bar(name, bytes)));
        List<BarChart.Bar> ram = new ArrayList<>();
        s.ramSections().forEach((name, bytes) -> ram.add(new BarChart.Bar(name, bytes)));
        ram.add(new BarChart.Bar("stack (peak)", s.stackPeak()));
        m.put("imageMeasured", !flash.isEmpty());
        m.put("flashSections", BarChart.of("flash-sections", "flash by section", flash));
        m.put("ramSections", BarChart.of("ram-sections", "RAM by section", ram));
        m.put("flashTensors", BarChart.of("flash-tensors", "flash by tensor", flashByTensor(r)));
        m.put("ramTensors", BarChart.of("ram-tensors", "the model's RAM", ramByPart(r)));
        m.put("histogram", Histogram.of(r.perSample().absScoreErrors()));
        int classes = r.perSample().absScoreErrors().isEmpty() ? 0 : r.perSample().absScoreErrors().get(0).length;
        m.put("confusion", ConfusionMatrix.of(r.perSample().floatPredictions(), r.devicePredictions(), classes));
        return m;
    }

    /** The model's constants tensor by tensor, then its code, then the rest of the firmware. */
    private static List<BarChart.Bar> flashByTensor(VerifyReport r) {
        List<BarChart.Bar> bars = new ArrayList<>();
        r.packing().ifPresent(p -> p.tensors().forEach(t -> bars.add(new BarChart.Bar(t.name() + " (" + t.layout()
                + ")", t.bytes()))));
        VerifyReport.Sizes s = r.sizes();
        if (s.flashTotal() > 0) {
            bars.add(new BarChart.Bar("model code", s.flashModel() - s.elfConstants()));
            bars.add(new BarChart.Bar("rest of the firmware", s.flashTotal() - s.flashModel()));
        }
        return bars;
    }

    /** The model's own RAM: the caller's state and one step's scratch arrays (an upper bound). */
    private static List<BarChart.Bar> ramByPart(VerifyReport r) {
        List<BarChart.Bar> bars = new ArrayList<>();
        r.packing().ifPresent(p -> {
            bars.add(new BarChart.Bar("state (hidden vector, step)", p.stateBytes()));
            bars.add(new BarChart.Bar("step scratch (upper bound)", p.scratchBytes()));
        });
        return bars;
    }
}
