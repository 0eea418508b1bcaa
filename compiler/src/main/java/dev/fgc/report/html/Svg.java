package dev.fgc.report.html;

import java.util.Locale;

/** What every plot needs to write SVG text: escaping, coordinates and readable numbers, locale-free. */
final class Svg {
    static final String FONT = "font-family=\"sans-serif\" font-size=\"11\"";

    private Svg() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A coordinate: one decimal is finer than a pixel and keeps the files short. */
    static String at(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A count or byte size with thousands separators, as the terminal prints them. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A measured value in three significant digits (scores differ by 1e-6 as well as by 1). */
    static String value(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String open(String cssClass, double width, double height, String label) {
        return "<svg class=\"plot " + cssClass + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + at(width)
                + "\" height=\"" + at(height) + "\" viewBox=\"0 0 " + at(width) + " " + at(height)
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\">";
    }

    static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + at(x) + "\" y=\"" + at(y) + "\" text-anchor=\"" + anchor + "\" " + FONT + ">"
                + escape(s) + "</text>";
    }

    static String rect(double x, double y, double w, double h, String fill, String tooltip) {
        return "<rect x=\"" + at(x) + "\" y=\"" + at(y) + "\" width=\"" + at(w) + "\" height=\"" + at(h)
                + "\" fill=\"" + fill + "\"><title>" + escape(tooltip) + "</title></rect>";
    }

    static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + at(x1) + "\" y1=\"" + at(y1) + "\" x2=\"" + at(x2) + "\" y2=\"" + at(y2)
                + "\" stroke=\"#555\" stroke-width=\"1\"/>";
    }
}
