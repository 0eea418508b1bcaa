package dev.fgc.verify;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A verification as a JUnit XML report for CI dashboards: one test suite, one test case per
 * example (a failure when the device's scores differ from the reference) and one for the whole run.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static String of(VerifyReport r) {
        String suite = "fgc verify " + r.model() + " on " + r.board() + " (" + r.precision() + ")";
        String className = "fgc.verify." + r.model() + "." + r.board() + "." + r.precision();
        Set<Integer> bad = new HashSet<>(r.mismatches());
        int failures = bad.size() + (r.passed() ? 0 : 1);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n",
                escape(suite), r.samples() + 1, failures));
        b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"all samples match the reference\">%n",
                escape(className)));
        if (!r.passed()) {
            b.append(String.format(Locale.ROOT, "    <failure message=\"%s\"/>%n", escape(r.matched() + " of " + r.samples()
                    + " samples match the reference")));
        }
        b.append("    <system-out>").append(escape(r.summary())).append("</system-out>\n");
        b.append("  </testcase>\n");
        for (int i = 0; i < r.samples(); i++) {
            b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"sample %d\"", escape(className), i));
            if (bad.contains(i)) {
                String predicted = i < r.devicePredictions().size() ? " (device class "
                        + r.devicePredictions().get(i) + ")" : "";
                b.append(String.format(Locale.ROOT, ">%n    <failure message=\"%s\"/>%n  </testcase>%n", escape("sample " + i
                        + ": the device's scores differ from the reference" + predicted)));
            } else {
                b.append("/>\n");
            }
        }
        b.append("</testsuite>\n");
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
