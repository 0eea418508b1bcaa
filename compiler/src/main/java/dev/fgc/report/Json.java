package dev.fgc.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as pretty JSON; map order is kept. */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, "");
        return b.append('\n').toString();
    }

    private static void write(Object v, StringBuilder b, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            writeMap(m, b, indent);
        } else if (v instanceof List<?> l) {
            writeList(l, b, indent);
        } else if (v instanceof String s) {
            string(s, b);
        } else if (v instanceof Double d) {
            b.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Float f) {
            write(f.doubleValue(), b, indent);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(v.toString(), b);
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void writeMap(Map<?, ?> m, StringBuilder b, String indent) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        String inner = indent + "  ";
        b.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            b.append(inner);
            string(String.valueOf(e.getKey()), b);
            b.append(": ");
            write(e.getValue(), b, inner);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
    }

    private static void writeList(List<?> l, StringBuilder b, String indent) {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        boolean flat = l.stream().allMatch(x -> x instanceof Number || x instanceof String);
        if (flat) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(l.get(i), b, indent);
            }
            b.append(']');
            return;
        }
        String inner = indent + "  ";
        b.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            b.append(inner);
            write(l.get(i), b, inner);
            b.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        b.append(indent).append(']');
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
