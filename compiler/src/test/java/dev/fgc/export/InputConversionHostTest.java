package dev.fgc.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.quantize.FixedKernels;
import dev.fgc.testing.HostC;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages' {@code <prefix>_input_from_real}, compiled on the host with the strict flags and
 * the sanitizers, rounds and saturates exactly as the Java reference's quantize (docs/fixed-point.md
 * §2): ties, both signs, the ends of int16 and beyond.
 */
class InputConversionHostTest {
    private static final String HARNESS = """
            #include <stdio.h>
            #include "usps_input.h"

            int main(int argc, char **argv)
            {
                double v;
                FILE *in;
                if (argc != 2 || (in = fopen(argv[1], "rb")) == NULL) {
                    return 3;
                }
                while (fread(&v, sizeof v, 1, in) == 1) {
                    printf("%d\\n", (int)usps_input_from_real(v));
                }
                fclose(in);
                return 0;
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void roundsHalfUpAndSaturatesLikeTheReference() throws IOException {
        ExportInput in = ExportInputs.usps("int8");
        int frac = in.compiled().plan().orElseThrow().input().frac();
        ModelSources.of(in).files().writeTo(tmp);
        Files.writeString(tmp.resolve("harness.c"), HARNESS);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 1e-9, -1e-9, 1e300, -1e300));
        for (int k = -40000; k <= 40000; k += 997) {
            values.add((k + 0.5) / Math.pow(2, frac)); // exact ties
            values.add((k - 0.5) / Math.pow(2, frac));
        }
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            values.add((double) (float) (r.nextGaussian() * 3 / Math.pow(2, frac - 14)));
        }
        ByteBuffer b = ByteBuffer.allocate(values.size() * 8).order(ByteOrder.nativeOrder());
        values.forEach(b::putDouble);
        String[] out = HostC.run(HostC.build(tmp, "convert"), b.array()).strip().split("\n");
        assertEquals(values.size(), out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(FixedKernels.quantize(values.get(i), frac, 16), Integer.parseInt(out[i]),
                    "value " + values.get(i));
        }
    }
}
