package dev.fgc.load;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fgc.load.npy.NpyWriter;
import dev.fgc.model.Nonlinearity;
import dev.fgc.testing.FuzzFiles;
import dev.fgc.testing.Rejections;
import java.nio.file.Path;
import java.util.List;

/**
 * Any model folder: a model, or a one-line UserError naming the folder's file at fault. Each file
 * EdgeML may write is absent, raw bytes, or a well-formed array of a fuzzed shape, so the fuzzer
 * reaches the shape checks between files as well as the .npy parser.
 */
class ModelLoaderFuzzTest {
    private static final List<String> NAMES = List.of("W", "W1", "W2", "U", "U1", "U2", "Bg", "Bh", "zeta",
            "nu", "B", "alpha", "beta", "FC", "FCbias", "mean", "std");
    private static final List<String> DTYPES = List.of("<f4", "<f8", ">f4", "<i4", "<i8");
    private static final FuzzFiles FILES = new FuzzFiles("model");

    @FuzzTest(maxDuration = "5m")
    void load(FuzzedDataProvider data) {
        Path dir = FILES.fresh();
        for (String name : NAMES) {
            switch (data.consumeInt(0, 2)) {
                case 1 -> FILES.write(name + ".npy", array(data));
                case 2 -> FILES.write(name + ".npy", data.consumeBytes(data.consumeInt(0, 256)));
                default -> { }
            }
        }
        Nonlinearity[] all = Nonlinearity.values();
        LoadOptions options = LoadOptions.of(data.consumeBoolean() ? data.pickValue(all) : null,
                data.consumeBoolean() ? data.pickValue(all) : null);
        Rejections.acceptOrReject(dir.toString(), () -> ModelLoader.load(dir, options));
    }

    private static byte[] array(FuzzedDataProvider data) {
        int[] shape = new int[data.consumeInt(0, 3)];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = data.consumeInt(0, 6);
            count *= shape[i];
        }
        String dtype = data.pickValue(DTYPES);
        boolean integer = dtype.contains("i");
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = integer ? data.consumeInt(-100, 100) : data.consumeDouble();
        }
        return NpyWriter.encode(dtype, data.consumeBoolean(), data.consumeInt(1, 3), shape, values);
    }
}
