package dev.fgc.cli;

import dev.fgc.pack.SizeReport;
import java.util.Locale;

/** A size report as lines of text. */
final class SizesText {
    private SizesText() {
    }

    static String of(SizeReport sizes, String precision) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  at %s: %-8s %-10s %9s %-7s %8s %8s%n", precision, "tensor", "shape", "non-zeros",
                "layout", "values", "indices"));
        for (SizeReport.Entry e : sizes.tensors()) {
            b.append(String.format(Locale.ROOT, "  %s  %-8s %-10s %9d %-7s %8d %8d%n", " ".repeat(precision.length() + 2),
                    e.name(), e.rows() + "x" + e.cols(), e.nonZeros(), e.layout(), e.valueBytes(), e.indexBytes()));
        }
        b.append(String.format(Locale.ROOT, "  constants %d bytes; RAM %d bytes (state %d, scratch %d)%n", sizes.constantBytes(),
                sizes.ramBytes(), sizes.stateBytes(), sizes.scratchBytes()));
        return b.toString();
    }
}
