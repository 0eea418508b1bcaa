package dev.fgc.bench;

import dev.fgc.report.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of a benchmark as an aligned text table, with thousands separators, and as JSON. */
public final class BenchTable {
    private static final String[] HEADER = {"model", "board", "precision", "layout", "per inference", "unit",
        "ms", "MACs", "per MAC", "flash B", "RAM B", "matched"};
    /** Columns of text, aligned left; the others are numbers, aligned right. */
    private static final int TEXT_COLUMNS = 4;
    private static final int UNIT_COLUMN = 5;
    private static final int MATCHED_COLUMN = 11;

    private final List<BenchRow> rows;

    public BenchTable(List<BenchRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<BenchRow> rows() {
        return rows;
    }

    /** Whether every sample of every row matched the Java reference. */
    public boolean passed() {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.report().passed());
    }

    public String text() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (BenchRow r : rows) {
            lines.add(cells(r));
        }
        int[] width = new int[HEADER.length];
        for (String[] l : lines) {
            for (int c = 0; c < l.length; c++) {
                width[c] = Math.max(width[c], l[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < l.length; c++) {
                boolean left = c < TEXT_COLUMNS || c == UNIT_COLUMN || c == MATCHED_COLUMN;
                line.append(c == 0 ? "" : "  ").append(pad(l[c], width[c], left));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append("ms at the board's clock (Cortex-M: one instruction a cycle); MACs: multiply-accumulates an"
                + " inference executes\n");
        long failed = rows.stream().filter(r -> !r.report().passed()).count();
        b.append(passed() ? "PASSED: every sample of every row matched the Java reference\n"
                : "FAILED: the device disagrees with the reference in " + failed + " of " + rows.size() + " rows\n");
        return b.toString();
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        rows.forEach(r -> list.add(r.toMap()));
        m.put("rows", list);
        m.put("passed", passed());
        return Json.write(m);
    }

    private static String[] cells(BenchRow row) {
        var r = row.report();
        return new String[] {r.model(), r.board(), r.precision(), row.layout(),
            String.format(Locale.ROOT, "%,d", r.speed().perInference()), r.speed().unit().label(),
            String.format(Locale.ROOT, "%,.2f", r.speed().milliseconds()),
            String.format(Locale.ROOT, "%,d", row.macsPerInference()),
            String.format(Locale.ROOT, "%,.2f", row.perMac()),
            String.format(Locale.ROOT, "%,d", r.sizes().flashTotal()),
            String.format(Locale.ROOT, "%,d", r.sizes().ramTotal()),
            r.matched() + "/" + r.samples()};
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(width - s.length());
        return left ? s + fill : fill + s;
    }
}
