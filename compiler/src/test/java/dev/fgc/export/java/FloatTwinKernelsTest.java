package dev.fgc.export.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.emit.RuntimeFiles;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.CellKind;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.testing.HostC;
import dev.fgc.testing.JavaTwins;
import dev.fgc.testing.RandomModels;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float twin's sigmoid and tanh (the runtime's own e^x and tanh, mirrored) give the bits of the
 * C kernels, built on the host with the product's flags, over 300,000 arguments: the whole range
 * a pre-activation can take, the thresholds, tiny and special values.
 */
class FloatTwinKernelsTest {
    private static final String DRIVER = """
            #include <stdio.h>
            #include <string.h>
            #include "fgc_f32.h"

            int main(int argc, char **argv)
            {
                static float x[4096], s[4096], t[4096];
                size_t n, i;
                FILE *in;
                if (argc != 2 || (in = fopen(argv[1], "rb")) == NULL) {
                    return 3;
                }
                while ((n = fread(x, sizeof x[0], 4096, in)) > 0) {
                    memcpy(s, x, n * sizeof x[0]);
                    memcpy(t, x, n * sizeof x[0]);
                    fgc_sigmoid_f32(s, (uint16_t)n);
                    fgc_tanh_f32(t, (uint16_t)n);
                    for (i = 0; i < n; i++) {
                        unsigned long a = 0, b = 0;
                        memcpy(&a, &s[i], 4);
                        memcpy(&b, &t[i], 4);
                        printf("%08lx %08lx\\n", a & 0xffffffffUL, b & 0xffffffffUL);
                    }
                }
                fclose(in);
                return 0;
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void sigmoidAndTanhGiveTheCKernelsBits() throws IOException, ReflectiveOperationException {
        float[] args = arguments();
        RuntimeFiles.forPrecision(Precision.FLOAT, false).add("main.c", DRIVER).writeTo(tmp.resolve("c"));
        ByteBuffer in = ByteBuffer.allocate(args.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float a : args) {
            in.putFloat(a);
        }
        String[] lines = HostC.run(HostC.build(tmp.resolve("c"), "kernels"), in.array()).split("\n");
        assertEquals(args.length, lines.length);

        Class<?> twin = twinWithSigmoidAndTanh();
        Method sigmoid = twin.getDeclaredMethod("sigmoidf", float.class);
        Method tanh = twin.getDeclaredMethod("tanhf", float.class);
        sigmoid.setAccessible(true);
        tanh.setAccessible(true);
        for (int i = 0; i < args.length; i++) {
            String[] c = lines[i].split(" ");
            assertEquals(hex(c[0]), hex((float) sigmoid.invoke(null, args[i])), "sigmoid(" + args[i] + ")");
            assertEquals(hex(c[1]), hex((float) tanh.invoke(null, args[i])), "tanh(" + args[i] + ")");
        }
    }

    private static String hex(String bits) {
        return hex(Float.intBitsToFloat(Integer.parseUnsignedInt(bits, 16)));
    }

    /** A NaN as one string whatever its payload, which neither C nor the JVM promise to keep. */
    private static String hex(float f) {
        return Float.isNaN(f) ? "nan" : String.format("%08x", Float.floatToRawIntBits(f));
    }

    private static float[] arguments() {
        List<Float> a = new ArrayList<>(List.of(0.0f, -0.0f, 88.72f, -88.72f, 87.0f, -87.0f, 9.5f, -9.5f,
                Math.nextUp(9.5f), Math.nextDown(-9.5f), Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE,
                -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-30f, -1e-30f));
        Random r = new Random(2026);
        double[] scales = {200, 20, 2, 0.05, 1e-4};
        for (int i = 0; i < 300_000; i++) {
            a.add((float) ((2 * r.nextDouble() - 1) * scales[i % scales.length]));
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    private Class<?> twinWithSigmoidAndTanh() throws IOException {
        RandomModels.Spec spec = RandomModels.Spec.of(CellKind.FASTGRNN, false, Nonlinearity.SIGMOID,
                Nonlinearity.TANH, 1);
        Model model = ModelLoader.load(RandomModels.write(tmp.resolve("model"), spec, 1), LoadOptions.defaults());
        CompiledModel compiled = CompiledModel.floating(model);
        return JavaTwins.build(compiled, Packing.of(compiled, Layout.Policy.DENSE), tmp.resolve("twin")).type();
    }
}
