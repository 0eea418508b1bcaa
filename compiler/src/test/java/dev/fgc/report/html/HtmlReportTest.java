package dev.fgc.report.html;

import static dev.fgc.testing.Occurrences.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.bench.BenchRow;
import dev.fgc.bench.BenchTable;
import dev.fgc.device.DeviceRun;
import dev.fgc.pack.SizeReport;
import dev.fgc.verify.VerifyReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's content, its escaping and its stability; the plots' arithmetic (bins, counts, front). */
class HtmlReportTest {
    private static VerifyReport report(String model, String board, long flash, long perInference, double accuracy) {
        VerifyReport.PerSample perSample = new VerifyReport.PerSample(List.of(0, 1, 2, 1),
                List.of(new double[] {0, 0.5, 1}, new double[] {0.25, 0, 0}, new double[] {0, 0, 0},
                        new double[] {1, 0.75, 0}));
        SizeReport sizes = new SizeReport(List.of(new SizeReport.Entry("W", 4, 3, 10, "dense", 12, 0),
                new SizeReport.Entry("U", 4, 4, 5, "sparse", 5, 13)), 30, 10, 24);
        return new VerifyReport(model, board, "int8", 4, 4, Optional.of(new VerifyReport.Accuracy(1, 1, accuracy)),
                0.75, 1, 0.2, new VerifyReport.Sizes(900, 30, Map.of(".text", flash), Map.of(".bss", 40L), 100),
                new VerifyReport.Speed(DeviceRun.Unit.CYCLES, perInference, 16_000_000), List.of(),
                List.of(0, 2, 2, 1), List.of(), perSample, Optional.empty(), Optional.of(sizes));
    }

    @Test
    void verifyPageHoldsTheSummaryTheBoardAndEveryPlot() {
        VerifyReport r = report("m<&>", "arduino-uno", 5_000, 100_000, 0.75);
        String html = HtmlReport.verify(r);
        assertEquals(html, HtmlReport.verify(r), "the same report, the same bytes");
        assertTrue(html.contains("<title>fgc verify: m&lt;&amp;&gt; on arduino-uno, int8</title>"), html);
        assertTrue(html.contains("Arduino Uno, ATmega328P"), "the board's description");
        assertTrue(html.contains("100000 cycles per inference (6.25 ms at 16 MHz)"), "the terminal's summary");
        for (String plot : new String[] {"flash-sections", "flash-tensors", "ram-sections", "ram-tensors",
            "error-histogram", "confusion-matrix"}) {
            assertEquals(1, count(html, "<svg class=\"plot " + plot + "\""), plot);
        }
        assertTrue(html.contains("U (sparse): 18 bytes"), "a tensor's values and indices");
        assertTrue(html.contains("rest of the firmware: 4,100 bytes"), html);
        assertTrue(html.contains("stack (peak): 100 bytes"), html);
        assertTrue(html.contains("float 1, device 2: 1 examples"), "an off-diagonal cell");
        assertFalse(html.contains("<script"), "nothing to run");
        assertEquals(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""),
                "no address but SVG's namespace: nothing to fetch");
    }

    @Test
    void benchPageMarksTheParetoFront() {
        BenchTable t = new BenchTable(List.of(
                new BenchRow("auto", 100, report("a", "mps2-an386", 10_000, 1_000, 0.75)),
                new BenchRow("auto", 100, report("a", "arduino-uno", 8_000, 400_000, 0.75)),
                new BenchRow("dense", 100, report("a", "arduino-uno", 9_000, 500_000, 0.75))));
        String html = HtmlReport.bench(t);
        assertEquals(html, HtmlReport.bench(t));
        assertEquals(1, count(html, "<svg class=\"plot pareto-scatter\""));
        assertEquals(2, count(html, "class=\"point pareto\""), "the third row is larger and slower than the second");
        assertEquals(3, count(html, "<svg class=\"plot confusion-matrix\""), "a verify section per row");
        assertTrue(html.contains("<pre class=\"bench-table\">" + t.text().replace("'", "&#39;")), html);
    }

    @Test
    void frontKeepsEveryRowNoOtherBeatsOnAllThree() {
        List<ParetoScatter.Point> p = List.of(new ParetoScatter.Point(1, "", 100, 10, 0.9),
                new ParetoScatter.Point(2, "", 200, 5, 0.9), new ParetoScatter.Point(3, "", 200, 10, 0.9),
                new ParetoScatter.Point(4, "", 300, 20, 0.95), new ParetoScatter.Point(5, "", 100, 10, 0.9));
        // 3 is beaten by 1 and 2; 1 and 5 are equal, so neither beats the other
        assertArrayEquals(new boolean[] {true, true, false, true, true}, ParetoScatter.front(p));
    }

    @Test
    void histogramAndConfusionCount() {
        List<double[]> errors = List.of(new double[] {0, 1, 0.5}, new double[] {0.04, 0.96});
        long[] bins = Histogram.counts(errors, 1);
        assertEquals(2, bins[0]);
        assertEquals(1, bins[10]);
        assertEquals(2, bins[Histogram.BINS - 1], "0.96 and the largest value, 1");
        assertEquals(5, Histogram.counts(List.of(new double[] {0, 0, 0, 0, 0}), 0)[0], "all exact: one bin");
        long[][] m = ConfusionMatrix.counts(List.of(0, 0, 1, 2), List.of(0, 1, 1, 2), 3);
        assertArrayEquals(new long[] {1, 1, 0}, m[0]);
        assertArrayEquals(new long[] {0, 1, 0}, m[1]);
        assertArrayEquals(new long[] {0, 0, 1}, m[2]);
    }
}
