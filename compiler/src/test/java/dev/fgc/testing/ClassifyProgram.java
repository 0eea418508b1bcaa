package dev.fgc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.emit.CPrefix;
import java.util.ArrayList;
import java.util.List;

/**
 * The host program the model tests link with a generated package: it classifies every example of
 * the binary file it is given (the model's input type: float, or int16 for fixed point) and prints
 * a line per example, the class and each score's 32 bits in hex; last, what a step taken past the
 * last timestep returns.
 */
public final class ClassifyProgram {
    private static final String SOURCE = """
            #include <stdio.h>
            #include <stdint.h>
            #include <string.h>
            #include "%1$s_model.h"

            typedef %3$s input_t;
            typedef %4$s score_t;

            static uint32_t bits(score_t s) { uint32_t u; memcpy(&u, &s, sizeof u); return u; }

            int main(int argc, char **argv)
            {
                input_t x[%2$s_FEATURES];
                score_t scores[%2$s_NUM_CLASSES];
                %1$s_state_t state;
                unsigned c;
                FILE *in;
                if (argc != 2 || (in = fopen(argv[1], "rb")) == NULL) {
                    return 3;
                }
                while (fread(x, sizeof x[0], %2$s_FEATURES, in) == %2$s_FEATURES) {
                    unsigned cls = %1$s_classify(x, scores);
                    printf("%%u", cls);
                    for (c = 0; c < %2$s_NUM_CLASSES; c++) {
                        printf(" %%08lx", (unsigned long)bits(scores[c]));
                    }
                    printf("\\n");
                }
                fclose(in);
                %1$s_init(&state);
                for (c = 0; c < %2$s_TIMESTEPS; c++) {
                    if (%1$s_step(&state, x) != 0) {
                        return 4;
                    }
                }
                printf("extra step %%d\\n", %1$s_step(&state, x));
                return 0;
            }
            """;

    /** One example's line: its class and each score's 32 bits. */
    public record Line(int predicted, int[] bits) {
    }

    private ClassifyProgram() {
    }

    /** The program's C source for a model with this prefix, fixed point or float. */
    public static String source(CPrefix prefix, boolean fixed) {
        return String.format(SOURCE, prefix.lower(), prefix.upper(), fixed ? "int16_t" : "float",
                fixed ? "int32_t" : "float");
    }

    /** The lines of {@code examples} examples, once the step past the last timestep was refused. */
    public static List<Line> parse(String output, int examples) {
        String[] lines = output.split("\n");
        assertEquals(examples + 1, lines.length, output);
        assertEquals("extra step -1", lines[examples], "a step past the last timestep is refused");
        List<Line> parsed = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            String[] f = lines[i].split(" ");
            int[] bits = new int[f.length - 1];
            for (int c = 0; c < bits.length; c++) {
                bits[c] = (int) Long.parseLong(f[c + 1], 16);
            }
            parsed.add(new Line(Integer.parseInt(f[0]), bits));
        }
        return parsed;
    }
}
