package dev.fgc.it;

import static dev.fgc.testing.Occurrences.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of fgc verify and fgc bench (issue 15), from real emulator runs, rendered by
 * headless Chromium: the board is named, every plot is in the page the browser built, and the page
 * wrote nothing to the browser's console.
 */
class HtmlReportBrowserTest {
    private static final String[] VERIFY_PLOTS = {"flash-sections", "flash-tensors", "ram-sections", "ram-tensors",
        "error-histogram", "confusion-matrix"};

    @TempDir
    Path tmp;

    @Test
    void verifyReport() throws IOException {
        Path html = tmp.resolve("verify.html");
        Cli.Result r = Cli.run("verify", Repo.usps().toString(), "--board", "mps2-an505", "--precision", "int8",
                "--calibrate", Repo.usps().resolve("test.npy").toString(),
                "--data", Repo.usps().resolve("test.npy").toString(), "--html", html.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        HeadlessChromium.Rendered page = HeadlessChromium.dumpDom(html, tmp);
        assertEquals("[]", page.consoleLines().toString(), "console messages");
        String dom = page.dom();
        assertTrue(dom.contains("<title>fgc verify: usps on mps2-an505, int8</title>"), "the title");
        assertTrue(dom.contains("<strong class=\"board-name\">mps2-an505</strong>: Arm MPS2 AN505"), "the board");
        assertTrue(dom.contains("matched    10/10 samples") && dom.contains("PASSED"), "the terminal's summary");
        for (String plot : VERIFY_PLOTS) {
            assertEquals(1, count(dom, "<svg class=\"plot " + plot + "\""), plot);
        }
        assertEquals(100, count(confusionMatrix(dom), "<rect x="), "10 × 10 cells of the confusion matrix");

        Path png = tmp.resolve("verify.png");
        HeadlessChromium.screenshot(html, png, 1100, 1400, tmp);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png));
        assertEquals(0x89504e47, header.getInt(0), "a PNG");
        assertEquals(1100, header.getInt(16), "as wide as the window");
    }

    @Test
    void benchReport() throws IOException {
        Path html = tmp.resolve("bench.html");
        Cli.Result r = Cli.run("bench", Repo.usps().toString(), "--board", "mps2-an386,arduino-uno",
                "--precision", "int8,int16", "--html", html.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        HeadlessChromium.Rendered page = HeadlessChromium.dumpDom(html, tmp);
        assertEquals("[]", page.consoleLines().toString(), "console messages");
        String dom = page.dom();
        assertEquals(1, count(dom, "<svg class=\"plot pareto-scatter\""), "the scatter");
        assertEquals(4, count(dom, "<circle class=\"point"), "a point a row");
        // on mps2-an386 int16 is larger and slower than int8 at the same accuracy, so off the front; on
        // the Uno int16 takes less flash (its code is smaller) but more time: both stay on it
        assertEquals(3, count(dom, "<circle class=\"point pareto\""), "points on the Pareto front");
        for (String board : new String[] {"mps2-an386", "arduino-uno"}) {
            assertEquals(2, count(dom, "<strong class=\"board-name\">" + board + "</strong>"), board);
        }
        for (String plot : VERIFY_PLOTS) {
            assertEquals(4, count(dom, "<svg class=\"plot " + plot + "\""), plot);
        }
        assertTrue(dom.contains("PASSED: every sample of every row matched the Java reference"), "the table");
    }

    private static String confusionMatrix(String dom) {
        int start = dom.indexOf("<svg class=\"plot confusion-matrix\"");
        return dom.substring(start, dom.indexOf("</svg>", start));
    }
}
