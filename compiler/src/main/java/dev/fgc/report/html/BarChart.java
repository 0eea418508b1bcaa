package dev.fgc.report.html;

import java.util.List;

/** Horizontal bars, one a part of a whole (bytes of a section or of a tensor), with their sizes. */
final class BarChart {
    private static final double LABEL_WIDTH = 170;
    private static final double BAR_WIDTH = 220;
    private static final double VALUE_WIDTH = 80;
    private static final double ROW = 20;

    /** One bar: what it is and how many bytes. */
    record Bar(String label, long bytes) {
    }

    private BarChart() {
    }

    static String of(String cssClass, String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::bytes).max().orElse(1));
        long total = bars.stream().mapToLong(Bar::bytes).sum();
        double height = ROW * (bars.size() + 1) + 8;
        StringBuilder b = new StringBuilder(Svg.open(cssClass, LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH, height, title));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = ROW * i + 4;
            double w = Math.max(1, BAR_WIDTH * bar.bytes() / max);
            b.append(Svg.text(LABEL_WIDTH - 6, y + 13, "end", bar.label()));
            b.append(Svg.rect(LABEL_WIDTH, y + 2, w, ROW - 6, "#4a7ab5",
                    bar.label() + ": " + Svg.count(bar.bytes()) + " bytes"));
            b.append(Svg.text(LABEL_WIDTH + w + 6, y + 13, "start", Svg.count(bar.bytes()) + " B"));
        }
        b.append(Svg.text(LABEL_WIDTH - 6, ROW * bars.size() + 17, "end", "total"));
        b.append(Svg.text(LABEL_WIDTH, ROW * bars.size() + 17, "start", Svg.count(total) + " B"));
        return b.append("</svg>").toString();
    }
}
