package dev.fgc.report.html;

import java.util.List;

/** How many scores lie how far from the float model's: |device score − float score| in equal bins. */
final class Histogram {
    static final int BINS = 20;
    private static final double LEFT = 50;
    private static final double WIDTH = 480;
    private static final double TOP = 10;
    private static final double HEIGHT = 160;

    private Histogram() {
    }

    /** Counts per bin over [0, max]; the largest value falls in the last bin. */
    static long[] counts(List<double[]> errors, double max) {
        long[] counts = new long[BINS];
        for (double[] sample : errors) {
            for (double e : sample) {
                int bin = max == 0 ? 0 : (int) Math.min(BINS - 1, Math.floor(e / max * BINS));
                counts[bin]++;
            }
        }
        return counts;
    }

    static String of(List<double[]> errors) {
        double max = errors.stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(0);
        long[] counts = counts(errors, max);
        long most = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        StringBuilder b = new StringBuilder(Svg.open("error-histogram", LEFT + WIDTH + 20, TOP + HEIGHT + 40,
                "histogram of |device score - float score|"));
        double w = WIDTH / BINS;
        for (int i = 0; i < BINS; i++) {
            double h = HEIGHT * counts[i] / most;
            b.append(Svg.rect(LEFT + i * w + 1, TOP + HEIGHT - h, w - 2, h, "#6a9f58",
                    "[" + Svg.value(max * i / BINS) + ", " + Svg.value(max * (i + 1) / BINS) + "]: "
                            + Svg.count(counts[i]) + " scores"));
        }
        b.append(Svg.line(LEFT, TOP + HEIGHT, LEFT + WIDTH, TOP + HEIGHT));
        b.append(Svg.line(LEFT, TOP, LEFT, TOP + HEIGHT));
        b.append(Svg.text(LEFT - 4, TOP + 8, "end", Svg.count(most)));
        b.append(Svg.text(LEFT - 4, TOP + HEIGHT, "end", "0"));
        b.append(Svg.text(LEFT, TOP + HEIGHT + 14, "start", "0"));
        b.append(Svg.text(LEFT + WIDTH, TOP + HEIGHT + 14, "end", Svg.value(max)));
        b.append(Svg.text(LEFT + WIDTH / 2, TOP + HEIGHT + 32, "middle", "|device score - float score|"));
        return b.append("</svg>").toString();
    }
}
