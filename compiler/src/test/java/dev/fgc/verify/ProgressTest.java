package dev.fgc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLongRunOnATerminalShowsDoneRateAndEtaOnOneLine() {
        Progress p = new Progress(out, true, 500, now::get);
        now.addAndGet(1_000_000_000L);
        p.done(50);
        assertEquals("", written(), "quiet for the first two seconds");
        now.addAndGet(3_000_000_000L);
        p.done(200);
        now.addAndGet(4_000_000_000L);
        p.done(500);
        p.finish();
        assertEquals("\rfgc: 200/500 samples, 50.0 samples/s, ETA 6 s  "
                + "\rfgc: 500/500 samples, 62.5 samples/s, ETA 0 s  " + System.lineSeparator(), written());
    }

    @Test
    void quietWhenNotATerminalOrShort() {
        Progress notTerminal = new Progress(out, false, 10, now::get);
        now.addAndGet(10_000_000_000L);
        notTerminal.done(5);
        notTerminal.finish();
        Progress shortRun = new Progress(out, true, 10, now::get);
        now.addAndGet(500_000_000L);
        shortRun.done(10);
        shortRun.finish();
        assertEquals("", written());
    }
}
