package dev.fgc.hil;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fgc.testing.Rejections;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Any byte stream from a device: frames until the stream ends, or a one-line ProtocolError naming
 * the port. The first frame may follow a boot banner; the later ones may not.
 */
class FrameReaderFuzzTest {
    private static final String PORT = "tcp:fuzz:1";

    @FuzzTest(maxDuration = "5m")
    void read(byte[] bytes) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes), PORT, 1024);
        boolean first = true;
        try {
            while (true) {
                reader.read(first);
                first = false;
            }
        } catch (EOFException e) {
            Rejections.checkMessage(PORT, e.getMessage(), e);
        } catch (ProtocolError e) {
            Rejections.checkMessage(PORT, e.getMessage(), e);
        }
    }
}
