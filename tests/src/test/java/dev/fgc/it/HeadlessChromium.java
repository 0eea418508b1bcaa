package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium without a screen, installed through the Provisioner when missing (a test that needs it
 * fails rather than skips when it cannot be had), kept off the network and away from any profile.
 */
final class HeadlessChromium {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The page as the browser built it, and what the page wrote to its console. */
    record Rendered(String dom, List<String> consoleLines) {
    }

    private HeadlessChromium() {
    }

    static Rendered dumpDom(Path html, Path scratch) throws IOException {
        ProcessRunner.Result r = run(scratch, "--enable-logging=stderr", "--v=0", "--dump-dom",
                html.toUri().toString());
        List<String> console = r.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Rendered(r.stdout(), console);
    }

    static void screenshot(Path html, Path png, int width, int height, Path scratch) throws IOException {
        run(scratch, "--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
                html.toUri().toString());
    }

    private static ProcessRunner.Result run(Path scratch, String... args) throws IOException {
        Path chromium = new Provisioner(HostEnvironment.current(), System.err).ensure(Tool.CHROMIUM,
                "the HTML report tests");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(scratch, "chromium-profile-")));
        cmd.addAll(List.of(args));
        ProcessRunner.Result r = ProcessRunner.run(cmd, scratch, TIMEOUT);
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + " failed:\n" + r.output());
        return r;
    }
}
