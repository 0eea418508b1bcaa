package dev.fgc.report.html;

import java.util.List;

/** Per class, how the device's classes fall against the float model's: counts in a grid. */
final class ConfusionMatrix {
    private static final double CELL = 28;
    private static final double LEFT = 70;
    private static final double TOP = 40;

    private ConfusionMatrix() {
    }

    /** counts[f][d]: examples the float model puts in class f and the device in class d. */
    static long[][] counts(List<Integer> floatClasses, List<Integer> deviceClasses, int classes) {
        long[][] m = new long[classes][classes];
        for (int i = 0; i < Math.min(floatClasses.size(), deviceClasses.size()); i++) {
            m[floatClasses.get(i)][deviceClasses.get(i)]++;
        }
        return m;
    }

    static String of(List<Integer> floatClasses, List<Integer> deviceClasses, int classes) {
        long[][] m = counts(floatClasses, deviceClasses, classes);
        long most = 1;
        for (long[] row : m) {
            for (long v : row) {
                most = Math.max(most, v);
            }
        }
        double side = CELL * classes;
        StringBuilder b = new StringBuilder(Svg.open("confusion-matrix", LEFT + side + 20, TOP + side + 20,
                "confusion matrix: float model's class against the device's"));
        b.append(Svg.text(LEFT + side / 2, 12, "middle", "device's class"));
        b.append("<text x=\"14\" y=\"").append(Svg.at(TOP + side / 2)).append("\" text-anchor=\"middle\" ")
                .append(Svg.FONT).append(" transform=\"rotate(-90 14 ").append(Svg.at(TOP + side / 2))
                .append(")\">float model's class</text>");
        for (int c = 0; c < classes; c++) {
            b.append(Svg.text(LEFT + c * CELL + CELL / 2, TOP - 6, "middle", Integer.toString(c)));
            b.append(Svg.text(LEFT - 6, TOP + c * CELL + CELL / 2 + 4, "end", Integer.toString(c)));
        }
        for (int f = 0; f < classes; f++) {
            for (int d = 0; d < classes; d++) {
                long v = m[f][d];
                double shade = v == 0 ? 0 : 0.15 + 0.85 * v / most;
                String fill = v == 0 ? "#f4f4f4" : f == d ? shade(74, 122, 181, shade) : shade(200, 60, 50, shade);
                double x = LEFT + d * CELL;
                double y = TOP + f * CELL;
                b.append(Svg.rect(x, y, CELL - 1, CELL - 1, fill, "float " + f + ", device " + d + ": " + v
                        + " examples"));
                if (v > 0) {
                    b.append(Svg.text(x + CELL / 2, y + CELL / 2 + 4, "middle", Long.toString(v)));
                }
            }
        }
        return b.append("</svg>").toString();
    }

    /** The colour at this strength, blended from white. */
    private static String shade(int r, int g, int b, double strength) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", blend(r, strength), blend(g, strength),
                blend(b, strength));
    }

    private static int blend(int c, double strength) {
        return (int) Math.round(255 - (255 - c) * strength);
    }
}
