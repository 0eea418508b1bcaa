package dev.fgc.load;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fgc.model.Model;
import dev.fgc.testing.FuzzFiles;
import dev.fgc.testing.Rejections;
import dev.fgc.testing.Repo;
import java.nio.file.Path;

/** Any data file for the USPS model: examples, or a one-line UserError naming the file. */
class DatasetLoaderFuzzTest {
    private static final Model USPS = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
    private static final FuzzFiles FILES = new FuzzFiles("data");

    @FuzzTest(maxDuration = "5m")
    void load(byte[] bytes) {
        FILES.fresh();
        Path file = FILES.write("data.npy", bytes);
        Rejections.acceptOrReject(file.toString(), () -> DatasetLoader.load(file, USPS));
    }
}
