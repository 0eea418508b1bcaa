package dev.fgc.testing;

/** How often a piece of text occurs in another, for checks on generated pages and files. */
public final class Occurrences {
    private Occurrences() {
    }

    /** Non-overlapping occurrences of {@code what} in {@code s}. */
    public static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
