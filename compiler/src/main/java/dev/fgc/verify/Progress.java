package dev.fgc.verify;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Samples done out of the total, their rate and the time left, on one line of a terminal that is
 * rewritten as runs finish. Quiet for a run shorter than {@link #QUIET_NANOS} (its summary comes at
 * once anyway) and quiet when the stream is not a terminal (a log should not fill with lines).
 */
public final class Progress {
    static final long QUIET_NANOS = 2_000_000_000L;
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final LongSupplier nanoClock;
    private final long start;
    private boolean shown;

    public Progress(PrintStream out, boolean terminal, int total, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Whether this progress writes at all: to a terminal only. */
    public boolean terminal() {
        return terminal;
    }

    /** {@code done} of the samples are verified. */
    public void done(int done) {
        long elapsed = nanoClock.getAsLong() - start;
        if (!terminal || elapsed < QUIET_NANOS || done <= 0) {
            return;
        }
        double seconds = elapsed / 1e9;
        double rate = done / seconds;
        long eta = Math.round((total - done) / rate);
        out.printf(Locale.ROOT, "\rfgc: %d/%d samples, %.1f samples/s, ETA %d s  ", done, total, rate, eta);
        out.flush();
        shown = true;
    }

    /** Ends the progress line, if one was written, so what follows starts on a line of its own. */
    public void finish() {
        if (shown) {
            out.println();
            shown = false;
        }
    }
}
