package dev.fgc.verify;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.device.DeviceRun;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.hil.HilSession;
import dev.fgc.hil.ModelFingerprint;
import dev.fgc.hil.PortSpec;
import dev.fgc.hil.ProtocolError;
import dev.fgc.load.Dataset;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Verification against a device that runs the hardware-in-the-loop firmware (a real board on a
 * serial port, or an emulator's UART on a socket): every example goes over the link, and the
 * scores that come back are compared with the oracle exactly as the emulator path does.
 */
public final class HilVerifier {
    private final PrintStream log;

    public HilVerifier(PrintStream log) {
        this.log = log;
    }

    public VerifyReport verify(CompiledModel compiled, Packing packing, Dataset data, CModelEmitter emitter,
                               Board board, PortSpec port, Duration replyTimeout) {
        long fingerprint = ModelFingerprint.of(emitter.emit(compiled, packing));
        int classes = compiled.model().classes();
        int features = data.features(0).length;
        int inputBytes = compiled.inputBytes();
        Oracle oracle = new Oracle(compiled);
        ScoreComparison cmp = new ScoreComparison();
        try (HilSession session = new HilSession(port.open(replyTimeout), replyTimeout)) {
            HilSession.Hello hello = session.hello();
            checkDevice(hello, port, fingerprint, features, classes, inputBytes);
            log.printf(Locale.ROOT, "fgc: %s runs %s's firmware (fingerprint %08x)%n", port.text(), hello.name(), fingerprint);
            for (int i = 0; i < data.size(); i++) {
                HilSession.Result r = session.infer(oracle.inputs(data, i, i + 1), classes);
                oracle.compare(cmp, i, data, new FirmwareOutput.DeviceResult(i, r.predicted(), r.bits()));
            }
            HilSession.Stats stats = session.stats();
            if (stats.rejected() != 0) {
                throw new ProtocolError(port.text() + ": the device rejected " + stats.rejected() + " frame(s)");
            }
            VerifyReport.Sizes sizes = new VerifyReport.Sizes(0, 0, Map.of(), Map.of(), stats.stackPeak());
            VerifyReport.Speed unmeasured = new VerifyReport.Speed(DeviceRun.Unit.INSTRUCTIONS, 0, board.clockHz());
            return cmp.report(compiled.model().name(), board.name(), compiled.precision().label(), sizes, unmeasured);
        }
    }

    private static void checkDevice(HilSession.Hello h, PortSpec port, long fingerprint, int features, int classes,
                                    int inputBytes) {
        if (h.version() != HilSession.VERSION) {
            throw new UserError(port.text() + ": the device speaks protocol version " + h.version() + ", fgc "
                    + HilSession.VERSION + "; flash the firmware from this fgc's 'fgc hil-firmware'");
        }
        if (h.fingerprint() != fingerprint || h.features() != features || h.classes() != classes
                || h.inputBytes() != inputBytes) {
            throw new UserError(String.format(Locale.ROOT, "%s: the device runs model '%s' (fingerprint %08x, %d features,"
                    + " %d classes, %d-byte inputs), not this one (fingerprint %08x, %d features, %d classes,"
                    + " %d-byte inputs); flash the firmware 'fgc hil-firmware' builds with the same model and"
                    + " options", port.text(), h.name(), h.fingerprint(), h.features(), h.classes(), h.inputBytes(),
                    fingerprint, features, classes, inputBytes));
        }
    }
}
