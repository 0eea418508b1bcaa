package dev.fgc.it;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the element-loop tests of every core share: their C arrays and random generator, and the biases. */
final class CellLoopInputs {
    private CellLoopInputs() {
    }

    /**
     * N, the bias rows bg and bh (declared with {@code rom}: FGC_ROM where they live in program
     * memory), a fixed-seed generator next(), the arrays pre, h and want, and fill(), which gives
     * pre and h new random values.
     */
    static String declarations(int n, String rom) {
        return """
                #define N %d
                static const int16_t bg[N]%s = { %s };
                static const int16_t bh[N]%s = { %s };
                static uint32_t seed = 4242;

                static uint32_t next(void)
                {
                    seed = seed * 1664525u + 1013904223u;
                    return seed;
                }

                static int32_t pre[N];
                static int16_t h[N], want[N];

                /* pre-activations that saturate, wrap or land anywhere in the table, and any state */
                static void fill(void)
                {
                    int i;
                    for (i = 0; i < N; i++) {
                        int32_t a = (int32_t)next();
                        a >>= next() %% 32u;
                        if (next() %% 9u == 0) {
                            a = (next() & 1) ? INT32_MAX - (int32_t)(next() & 0xFF) : INT32_MIN + (int32_t)(next() & 0xFF);
                        }
                        pre[i] = a;
                        h[i] = (int16_t)next();
                    }
                }
                """.formatted(n, rom, biases(n, 1), rom, biases(n, 2));
    }

    /** n int16 biases, small and extreme ones among them, from a fixed seed */
    private static String biases(int n, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, n)
                .map(i -> switch (i % 8) {
                    case 0 -> i % 16 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
                    case 1, 2 -> random.nextInt(512) - 256;
                    default -> random.nextInt(65536) - 32768;
                })
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
    }
}
