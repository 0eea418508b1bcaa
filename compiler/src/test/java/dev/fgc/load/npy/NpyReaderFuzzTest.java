package dev.fgc.load.npy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fgc.testing.Rejections;

/** Any byte string given to the .npy reader: an array, or a one-line UserError naming the file. */
class NpyReaderFuzzTest {
    private static final String SOURCE = "fuzz.npy";

    @FuzzTest(maxDuration = "5m")
    void read(byte[] bytes) {
        Rejections.acceptOrReject(SOURCE, () -> NpyReader.read(bytes, SOURCE));
    }
}
