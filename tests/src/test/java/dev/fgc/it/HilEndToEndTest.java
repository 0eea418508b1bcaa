package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.hil.Frame;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hardware-in-the-loop verification end to end: {@code fgc hil-firmware} builds the UART firmware,
 * QEMU or simavr runs it with its UART on a loopback TCP port (or a pseudo-terminal, opened through
 * the serial library as a board's port would be), and {@code fgc verify --port …} must reach
 * the same verdict, accuracy and score errors as the emulator run; line faults injected between
 * the two must end the run with a protocol error that names the frame.
 */
class HilEndToEndTest {
    private static final Pattern SCORES = Pattern.compile("(?s)\"samples\".*?\"meanAbsScoreError\": [^,\n]+");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"mps2-an386, float", "mps2-an386, int16", "mps2-an386, int8", "mps2-an385, int8",
            "mps2-an500, float", "mps2-an505, float", "arduino-uno, int8", "arduino-uno, int16"})
    void verifiesOverTheUartLikeTheEmulatorRun(String board, String precision) throws Exception {
        List<String> options = options(board, precision);
        Path elf = firmware(options);
        Path local = tmp.resolve("local.json");
        Path hil = tmp.resolve("hil.json");
        Cli.Result l = Cli.run(verify(options, "--json", local.toString()));
        assertEquals(0, l.exitCode(), l.out() + l.err());
        try (EmulatedUart qemu = EmulatedUart.start(board, elf)) {
            assertPasses(verify(options, "--port", qemu.spec(), "--json", hil.toString()));
        }
        assertEquals(scores(local), scores(hil), "verdict, accuracy and score errors over the UART");
    }

    @Test
    void verifiesOverASerialDevice() throws Exception {
        List<String> options = options("mps2-an386", "int8");
        Path elf = firmware(options);
        try (EmulatedUart qemu = EmulatedUart.startPty("mps2-an386", elf, tmp.resolve("qemu.log"))) {
            assertTrue(qemu.spec().startsWith("/dev/pts/"), qemu.spec());
            assertPasses(verify(options, "--port", qemu.spec() + "@115200"));
        }
    }

    @Test
    void corruptedByteToTheDeviceIsReported() throws Exception {
        // byte 32 of the first example's frame lies in its features
        assertFaultReported(true, Frame.INFER, 32, CorruptingProxy.Fault.FLIP,
                "its checksum was wrong");
    }

    @Test
    void corruptedByteFromTheDeviceIsReported() throws Exception {
        // byte 8 of the first result's frame lies in its scores
        assertFaultReported(false, Frame.RESULT, 8, CorruptingProxy.Fault.FLIP, "corrupted frame 'r' seq ");
    }

    @Test
    void lostByteIsReported() throws Exception {
        assertFaultReported(true, Frame.INFER, 32, CorruptingProxy.Fault.DROP, "no reply to frame 'I' seq ");
    }

    @Test
    void deviceRunningAnotherModelIsRefused() throws Exception {
        Path elf = firmware(options("mps2-an386", "int8"));
        try (EmulatedUart qemu = EmulatedUart.start("mps2-an386", elf)) {
            Cli.Result r = Cli.run(verify(options("mps2-an386", "float"), "--port", qemu.spec()));
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("the device runs model 'usps'") && r.err().contains("not this one"), r.err());
        }
    }

    @Test
    void boardWithoutUartDriverIsNamed() {
        Cli.Result r = Cli.run(with(List.of("hil-firmware", Repo.usps().toString(), "--board", "microbit"), "-o",
                tmp.resolve("fw").toString()));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("board microbit: no UART for hardware-in-the-loop"), r.err());
        assertTrue(!Files.exists(tmp.resolve("fw")), "no output for a failed build");
    }

    @Test
    void unwritableJUnitReportFailsBeforeAnyWork() {
        Path report = tmp.resolve("missing-folder").resolve("junit.xml");
        Cli.Result r = Cli.run(verify(options("mps2-an386", "float"), "--port", "tcp:127.0.0.1:1", "--junit-xml",
                report.toString()));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("junit.xml: cannot write the report: folder"), r.err());
    }

    @Test
    void nothingListeningIsAClearError() throws IOException {
        Cli.Result r = Cli.run(verify(options("mps2-an386", "float"), "--port",
                "tcp:127.0.0.1:" + EmulatedUart.freePort()));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nothing accepts connections there"), r.err());
    }

    /**
     * A fault at byte {@code offset} of the first frame of {@code frameType} in one direction ends verify
     * as a device failure saying {@code message} (the frame's number depends on how many hellos the
     * device's start took).
     */
    private void assertFaultReported(boolean toDevice, int frameType, int offset, CorruptingProxy.Fault fault,
            String message) throws Exception {
        List<String> options = options("mps2-an386", "float");
        Path elf = firmware(options);
        Cli.Result r;
        try (EmulatedUart qemu = EmulatedUart.start("mps2-an386", elf);
             CorruptingProxy proxy = CorruptingProxy.start(qemu.port(), toDevice, frameType, offset, fault)) {
            r = Cli.run(verify(options, "--port", proxy.spec(), "--timeout", "2"));
        }
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    private static void assertPasses(String[] verify) {
        Cli.Result r = Cli.run(verify);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("matched    10/10 samples") && r.out().contains("PASSED"), r.out());
    }

    private Path firmware(List<String> options) {
        Path dir = tmp.resolve("fw-" + String.join("-", options).hashCode());
        List<String> args = new ArrayList<>(List.of("hil-firmware", Repo.usps().toString(), "-o", dir.toString()));
        args.addAll(options);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return dir.resolve("hil.elf");
    }

    private static List<String> options(String board, String precision) {
        List<String> o = new ArrayList<>(List.of("--board", board, "--precision", precision));
        if (!precision.equals("float")) {
            o.addAll(List.of("--calibrate", Repo.usps().resolve("test.npy").toString()));
        }
        return o;
    }

    private static String[] verify(List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", Repo.usps().toString(), "--data",
                Repo.usps().resolve("test.npy").toString()));
        args.addAll(options);
        return with(args, more);
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String scores(Path json) throws IOException {
        Matcher m = SCORES.matcher(Files.readString(json));
        assertTrue(m.find(), json.toString());
        return m.group();
    }
}
