package dev.fgc.load;

import java.util.Locale;

/**
 * Text taken from an input file and quoted in an error message. A message is one line on the
 * user's terminal, so the file's control characters (a newline inside a corrupt header, an escape
 * sequence) are shown as escapes rather than written out, and long text is cut.
 */
public final class ShownText {
    private ShownText() {
    }

    /** {@code text} with control characters escaped, at most {@code maxChars} of it then "...". */
    public static String of(String text, int maxChars) {
        boolean cut = text.length() > maxChars;
        String kept = cut ? text.substring(0, maxChars) : text;
        StringBuilder out = new StringBuilder(kept.length() + 8);
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return cut ? out.append("...").toString() : out.toString();
    }
}
