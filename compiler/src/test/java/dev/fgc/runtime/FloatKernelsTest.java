package dev.fgc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.RuntimeFiles;
import dev.fgc.model.Nonlinearity;
import dev.fgc.quantize.Precision;
import dev.fgc.testing.HostC;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each float kernel of runtime-c on the host (strict flags, UBSan and ASan), against the same
 * arithmetic done in Java floats: exact where the kernel is exact; sigmoid and tanh (the runtime's
 * own e^x and tanh) within 2e-7 of the exact functions.
 */
class FloatKernelsTest {
    private static final String DRIVER = """
            #include <stdio.h>
            #include <string.h>
            #include "fgc_f32.h"

            static void show(const char *name, const float *v, unsigned n)
            {
                unsigned i;
                printf("%s", name);
                for (i = 0; i < n; i++) {
                    unsigned long u = 0;
                    memcpy(&u, &v[i], 4);
                    printf(" %08lx", u & 0xffffffffUL);
                }
                printf("\\n");
            }

            int main(void)
            {
                static const float m[3 * 4] = {0.5f, -1.25f, 2.0f, 0.1f, 3.0f, 0.0f, -0.75f, 1.5f,
                                                -2.0f, 0.25f, 0.3f, -0.6f};
                static const float x[4] = {1.5f, -0.2f, 0.7f, 2.25f};
                static const float grid[13] = {-6.0f, -3.0f, -2.0f, -1.5f, -1.0f, -0.5f, 0.0f,
                                               0.25f, 1.0f, 1.5f, 2.0f, 3.0f, 6.0f};
                float y[3] = {10.0f, 20.0f, 30.0f};
                float v[13];
                float z[4] = {0.1f, 0.9f, 0.5f, 0.0f};
                float c[4] = {-0.3f, 0.8f, 1.0f, -1.0f};
                float h[4] = {0.2f, -0.4f, 0.6f, 1.0f};
                static const float tie[5] = {1.0f, 3.0f, -2.0f, 3.0f, 0.0f};

                fgc_matvec_acc_f32(m, x, 3, 4, y);
                show("matvec_acc", y, 3);
                fgc_matvec_f32(m, x, 3, 4, y);
                show("matvec", y, 3);
            #define NL(f) memcpy(v, grid, sizeof v); f(v, 13); show(#f, v, 13);
                NL(fgc_sigmoid_f32) NL(fgc_tanh_f32) NL(fgc_relu_f32)
                NL(fgc_quant_sigm_f32) NL(fgc_quant_sigm4_f32) NL(fgc_quant_tanh_f32)
                fgc_normalize_f32(x, z, c, 4, v);
                show("normalize", v, 4);
                fgc_fastgrnn_blend_f32(z, c, 0.75f, 0.125f, 4, h);
                show("grnn", h, 4);
                fgc_fastrnn_blend_f32(c, 0.3f, 0.6f, 4, h);
                show("rnn", h, 4);
                printf("argmax %u\\n", (unsigned)fgc_argmax_f32(tie, 5));
                return 0;
            }
            """;
    private static final float[] M = {0.5f, -1.25f, 2.0f, 0.1f, 3.0f, 0.0f, -0.75f, 1.5f, -2.0f, 0.25f, 0.3f, -0.6f};
    private static final float[] X = {1.5f, -0.2f, 0.7f, 2.25f};
    private static final float[] GRID = {-6, -3, -2, -1.5f, -1, -0.5f, 0, 0.25f, 1, 1.5f, 2, 3, 6};
    private static final float[] Z = {0.1f, 0.9f, 0.5f, 0.0f};
    private static final float[] C = {-0.3f, 0.8f, 1.0f, -1.0f};

    @TempDir
    static Path tmp;
    static Map<String, float[]> out;

    @BeforeAll
    static void runDriver() throws IOException {
        GeneratedFiles files = RuntimeFiles.forPrecision(Precision.FLOAT).add("driver.c", DRIVER);
        files.writeTo(tmp);
        String text = HostC.run(HostC.build(tmp, "kernels"), new byte[0]);
        out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            float[] v = new float[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = f[0].equals("argmax") ? Integer.parseInt(f[i]) : Float.intBitsToFloat((int) Long.parseLong(f[i], 16));
            }
            out.put(f[0], v);
        }
    }

    @Test
    void matrixVectorProductsAccumulateInRowOrder() {
        float[] y = {10, 20, 30};
        for (int r = 0; r < 3; r++) {
            float acc = 0;
            for (int c = 0; c < 4; c++) {
                acc += M[r * 4 + c] * X[c];
            }
            assertEquals(y[r] + acc, out.get("matvec_acc")[r], 0f, "acc row " + r);
            assertEquals(acc, out.get("matvec")[r], 0f, "row " + r);
        }
    }

    @Test
    void nonlinearitiesFollowTheirDefinitions() {
        check("fgc_sigmoid_f32", Nonlinearity.SIGMOID, 2e-7);
        check("fgc_tanh_f32", Nonlinearity.TANH, 2e-7);
        check("fgc_relu_f32", Nonlinearity.RELU, 0);
        check("fgc_quant_sigm_f32", Nonlinearity.QUANT_SIGM, 0);
        check("fgc_quant_sigm4_f32", Nonlinearity.QUANT_SIGM4, 0);
        check("fgc_quant_tanh_f32", Nonlinearity.QUANT_TANH, 0);
    }

    private static void check(String kernel, Nonlinearity nl, double tolerance) {
        float[] got = out.get(kernel);
        for (int i = 0; i < GRID.length; i++) {
            assertEquals(nl.apply(GRID[i]), got[i], tolerance, kernel + "(" + GRID[i] + ")");
        }
    }

    @Test
    void normalisationAndBlendsAreExactFloatArithmetic() {
        float[] h = {0.2f, -0.4f, 0.6f, 1.0f};
        for (int i = 0; i < 4; i++) {
            assertEquals((X[i] - Z[i]) / C[i], out.get("normalize")[i], 0f, "normalize " + i);
            h[i] = Z[i] * h[i] + (0.75f * (1.0f - Z[i]) + 0.125f) * C[i];
            assertEquals(h[i], out.get("grnn")[i], 0f, "grnn " + i);
            h[i] = 0.6f * h[i] + 0.3f * C[i];
            assertEquals(h[i], out.get("rnn")[i], 0f, "rnn " + i);
        }
    }

    @Test
    void argmaxTakesTheFirstOfATie() {
        assertEquals(1f, out.get("argmax")[0], 0f);
    }
}
