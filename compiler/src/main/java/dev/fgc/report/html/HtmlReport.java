package dev.fgc.report.html;

import dev.fgc.bench.BenchRow;
import dev.fgc.bench.BenchTable;
import dev.fgc.emit.TemplateRenderer;
import dev.fgc.verify.VerifyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A verification or a bench as one self-contained HTML page (templates/report/report.ftlh): inline
 * CSS and SVG, nothing loaded from anywhere, the same bytes for the same report.
 */
public final class HtmlReport {
    private static final String TEMPLATE = "report/report.ftlh";

    private HtmlReport() {
    }

    public static String verify(VerifyReport report) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", "fgc verify: " + report.model() + " on " + report.board() + ", " + report.precision());
        d.put("bench", false);
        d.put("sections", List.of(VerifySection.of(report, "verify")));
        return TemplateRenderer.get().render(TEMPLATE, d);
    }

    public static String bench(BenchTable table) {
        List<BenchRow> rows = table.rows();
        boolean labelled = rows.stream().allMatch(r -> r.report().accuracy().isPresent());
        List<ParetoScatter.Point> points = new ArrayList<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VerifyReport r = rows.get(i).report();
            double accuracy = labelled ? r.accuracy().get().device() : r.agreement();
            points.add(new ParetoScatter.Point(i + 1, label(rows.get(i)), r.sizes().flashTotal(),
                    r.speed().milliseconds(), accuracy));
            sections.add(VerifySection.of(r, "row-" + (i + 1)));
        }
        boolean[] front = ParetoScatter.front(points);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParetoScatter.Point p = points.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", p.number());
            m.put("label", p.label());
            m.put("flash", Svg.count(p.flashBytes()));
            m.put("ms", String.format(Locale.ROOT, "%,.2f", p.milliseconds()));
            m.put("accuracy", String.format(Locale.ROOT, "%.2f%%", 100 * p.accuracy()));
            m.put("pareto", front[i]);
            m.put("passed", rows.get(i).report().passed());
            list.add(m);
        }
        String accuracyName = labelled ? "device accuracy" : "agreement with the float model";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", "fgc bench: " + String.join(", ", rows.stream().map(r -> r.report().model()).distinct()
                .toList()) + " on " + String.join(", ", rows.stream().map(r -> r.report().board()).distinct()
                .toList()));
        d.put("bench", true);
        d.put("passed", table.passed());
        d.put("table", table.text());
        d.put("scatter", ParetoScatter.of(points, accuracyName));
        d.put("accuracyName", accuracyName);
        d.put("rows", list);
        d.put("sections", sections);
        return TemplateRenderer.get().render(TEMPLATE, d);
    }

    private static String label(BenchRow row) {
        VerifyReport r = row.report();
        return r.model() + " " + r.board() + " " + r.precision() + " " + row.layout();
    }
}
