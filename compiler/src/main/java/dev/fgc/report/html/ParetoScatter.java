package dev.fgc.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flash against time per inference, accuracy as colour, for the rows of a bench; the rows no other
 * row beats on all three at once (as small, as fast, as accurate, and better on one) form the
 * Pareto front and are drawn ringed.
 */
final class ParetoScatter {
    private static final double LEFT = 70;
    private static final double TOP = 20;
    private static final double WIDTH = 520;
    private static final double HEIGHT = 300;
    /** Times spread wider than this are drawn on a log scale (float on an M0 and int8 on an M4F differ 170×). */
    private static final double LOG_SPREAD = 10;
    /** Points closer than this many pixels share a label. */
    private static final double OVERLAP = 6;

    /** One bench row: its number in the table, flash, time per inference, accuracy (0 to 1). */
    record Point(int number, String label, long flashBytes, double milliseconds, double accuracy) {
        boolean dominates(Point o) {
            boolean noWorse = flashBytes <= o.flashBytes && milliseconds <= o.milliseconds && accuracy >= o.accuracy;
            boolean better = flashBytes < o.flashBytes || milliseconds < o.milliseconds || accuracy > o.accuracy;
            return noWorse && better;
        }
    }

    private ParetoScatter() {
    }

    /** Whether each point is on the front: no other point dominates it. */
    static boolean[] front(List<Point> points) {
        boolean[] on = new boolean[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            on[i] = points.stream().noneMatch(q -> q.dominates(p));
        }
        return on;
    }

    static String of(List<Point> points, String accuracyName) {
        boolean[] front = front(points);
        long maxFlash = Math.max(1, points.stream().mapToLong(Point::flashBytes).max().orElse(1));
        double minMs = points.stream().mapToDouble(Point::milliseconds).min().orElse(1);
        double maxMs = points.stream().mapToDouble(Point::milliseconds).max().orElse(1);
        double minAcc = points.stream().mapToDouble(Point::accuracy).min().orElse(0);
        double maxAcc = points.stream().mapToDouble(Point::accuracy).max().orElse(1);
        boolean log = minMs > 0 && maxMs / minMs > LOG_SPREAD;
        Scale y = log ? new Scale(Math.log10(minMs / 1.5), Math.log10(maxMs * 1.5), true)
                : new Scale(0, maxMs * 1.1, false);
        StringBuilder b = new StringBuilder(Svg.open("pareto-scatter", LEFT + WIDTH + 190, TOP + HEIGHT + 50,
                "flash against time per inference, accuracy as colour, Pareto front ringed"));
        b.append(Svg.line(LEFT, TOP + HEIGHT, LEFT + WIDTH, TOP + HEIGHT));
        b.append(Svg.line(LEFT, TOP, LEFT, TOP + HEIGHT));
        for (double tick : y.ticks()) {
            double py = TOP + HEIGHT - HEIGHT * y.position(tick);
            b.append(Svg.text(LEFT - 4, py + 4, "end", tick >= 1 ? Svg.count(Math.round(tick)) : Svg.value(tick)));
        }
        b.append(Svg.text(LEFT, TOP + HEIGHT + 14, "start", "0"));
        b.append(Svg.text(LEFT + WIDTH, TOP + HEIGHT + 14, "end", Svg.count(Math.round(maxFlash * 1.05))));
        b.append(Svg.text(LEFT + WIDTH / 2, TOP + HEIGHT + 34, "middle", "flash (bytes)"));
        b.append("<text x=\"14\" y=\"").append(Svg.at(TOP + HEIGHT / 2)).append("\" text-anchor=\"middle\" ")
                .append(Svg.FONT).append(" transform=\"rotate(-90 14 ").append(Svg.at(TOP + HEIGHT / 2))
                .append(")\">ms per inference").append(log ? " (log scale)" : "").append("</text>");
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = LEFT + WIDTH * points.get(i).flashBytes() / (maxFlash * 1.05);
            ys[i] = TOP + HEIGHT - HEIGHT * y.position(points.get(i).milliseconds());
        }
        List<String> labels = labels(points, xs, ys);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double px = xs[i];
            double py = ys[i];
            double t = maxAcc > minAcc ? (p.accuracy() - minAcc) / (maxAcc - minAcc) : 1;
            b.append("<circle class=\"").append(front[i] ? "point pareto" : "point").append("\" cx=\"")
                    .append(Svg.at(px)).append("\" cy=\"").append(Svg.at(py)).append("\" r=\"")
                    .append(front[i] ? "7" : "5").append("\" fill=\"").append(colour(t)).append("\" stroke=\"")
                    .append(front[i] ? "#000\" stroke-width=\"2" : "#777\" stroke-width=\"1").append("\"><title>")
                    .append(Svg.escape(p.number() + ": " + p.label() + ", " + Svg.count(p.flashBytes()) + " B, "
                            + Svg.value(p.milliseconds()) + " ms, " + percent(p.accuracy())
                            + (front[i] ? " (Pareto front)" : "")))
                    .append("</title></circle>");
            if (!labels.get(i).isEmpty()) {
                b.append(Svg.text(px + 9, py - 6, "start", labels.get(i)));
            }
        }
        double lx = LEFT + WIDTH + 20;
        b.append("<circle cx=\"").append(Svg.at(lx + 6)).append("\" cy=\"").append(Svg.at(TOP + 10))
                .append("\" r=\"7\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2\"/>");
        b.append(Svg.text(lx + 18, TOP + 14, "start", "Pareto front"));
        b.append(Svg.text(lx, TOP + 40, "start", accuracyName + " (colour):"));
        b.append(Svg.rect(lx, TOP + 48, 14, 14, colour(1), "highest"));
        b.append(Svg.text(lx + 20, TOP + 59, "start", (maxAcc > minAcc ? "" : "every row ") + percent(maxAcc)));
        if (maxAcc > minAcc) {
            b.append(Svg.rect(lx, TOP + 68, 14, 14, colour(0), "lowest"));
            b.append(Svg.text(lx + 20, TOP + 79, "start", percent(minAcc)));
        }
        return b.append("</svg>").toString();
    }

    /**
     * Each point's number beside it; points drawn on top of one another (the Uno and the Mega run
     * the same code) share one label, "16, 18", on the first of them.
     */
    private static List<String> labels(List<Point> points, double[] xs, double[] ys) {
        List<StringBuilder> labels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            labels.add(new StringBuilder());
            int first = i;
            for (int j = 0; j < i; j++) {
                if (Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) < OVERLAP) {
                    first = j;
                    break;
                }
            }
            StringBuilder label = labels.get(first);
            label.append(label.length() == 0 ? "" : ", ").append(points.get(i).number());
        }
        return labels.stream().map(StringBuilder::toString).toList();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** From orange (the least accurate row) to green (the most). */
    private static String colour(double t) {
        int r = (int) Math.round(230 + (46 - 230) * t);
        int g = (int) Math.round(120 + (160 - 120) * t);
        int bl = (int) Math.round(40 + (80 - 40) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    /** The time axis, linear or in decades. */
    private record Scale(double from, double to, boolean log) {
        double position(double ms) {
            double v = log ? Math.log10(ms) : ms;
            return (v - from) / (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (int e = (int) Math.floor(from); e <= Math.ceil(to); e++) {
                    double v = Math.pow(10, e);
                    if (position(v) >= 0 && position(v) <= 1) {
                        ticks.add(v);
                    }
                }
            } else {
                for (int i = 0; i <= 4; i++) {
                    ticks.add(to * i / 4);
                }
            }
            return ticks;
        }
    }
}
