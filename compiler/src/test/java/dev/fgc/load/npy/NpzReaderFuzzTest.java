package dev.fgc.load.npy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fgc.testing.FuzzFiles;
import dev.fgc.testing.Rejections;
import java.nio.file.Path;

/** Any file given to the .npz reader: its arrays, or a one-line UserError naming the archive. */
class NpzReaderFuzzTest {
    private static final FuzzFiles FILES = new FuzzFiles("npz");

    @FuzzTest(maxDuration = "5m")
    void read(byte[] bytes) {
        FILES.fresh();
        Path archive = FILES.write("model.npz", bytes);
        Rejections.acceptOrReject(archive.toString(), () -> NpzReader.read(archive));
    }
}
