package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.fgc.quantize.FixedKernels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The small private helpers a twin's straight-line code calls with its constants (the Java
 * counterpart of the inline C kernels): only those the model uses are emitted, each with the
 * helpers it needs itself. Fixed-point helpers compute the integers of docs/fixed-point.md (§n);
 * float helpers are the C float kernels' operations in the same order (every operation in
 * float32, none fused: the C is compiled as ISO C99, where GCC contracts nothing into fused
 * multiply-adds), e^x and tanh included: the runtime computes them itself, not through libm.
 */
final class TwinKernels {
    private record Kernel(MethodSpec method, List<String> needs) {
    }

    private static final Map<String, Kernel> ALL = new LinkedHashMap<>();

    static {
        TypeName i = TypeName.INT;
        TypeName l = TypeName.LONG;
        TypeName f = TypeName.FLOAT;
        kernel("rshift", l, List.of(), "§2: floor((a + 2^(s-1)) / 2^s), round half up; 0 for s >= 64",
                List.of(l, "a", i, "s"),
                "return s == 0 ? a : s >= 64 ? 0 : (a >> s) + ((a >> (s - 1)) & 1)");
        kernel("sat16", i, List.of(), "§2: clamp to int16", List.of(l, "a"),
                "return (int) Math.max(-32768, Math.min(32767, a))");
        kernel("sat32", i, List.of(), "§2: clamp to int32", List.of(l, "a"),
                "return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, a))");
        kernel("tanhQ14", i, List.of(),
                "§3.4: tanh of x in Q(f) as Q14, by the table: index clamp(floor(x 2^(6 - f)), -256, 255)",
                List.of(i, "x", i, "f"),
                """
                long k = f >= 6 ? (long) x >> Math.min(f - 6, 63) : (long) x << (6 - f);
                return TANH_Q14[256 + (int) Math.max(-256, Math.min(255, k))]""");
        kernel("sigmoidQ14", i, List.of("tanhQ14"), "§3.4: (1 + tanh(x / 2)) / 2; x / 2 in Q(f) is x in Q(f + 1)",
                List.of(i, "x", i, "f"), "return (16384 + tanhQ14(x, f + 1) + 1) >> 1");
        kernel("clampQ14", i, List.of("rshift"),
                "§3.4's clamps, exact: clamp((x 2^-f + p) / 2^p, 0, 1) for p = 1, 2, clamp(x 2^-f, -1, 1) for p = 0,"
                        + "\nrounded half up to Q14; computed in Q(g), g = max(f + p, 14), where it is an integer",
                List.of(i, "x", i, "f", i, "p"),
                """
                int g = Math.max(f + p, 14);
                long u = ((long) x << (g - f - p)) + (p == 0 ? 0 : 1L << (g - 1));
                long clamped = Math.max(p == 0 ? -(1L << g) : 0, Math.min(1L << g, u));
                return (int) rshift(clamped, g - 14)""");
        for (TypeName scores : List.of(TypeName.get(int[].class), TypeName.get(float[].class))) {
            kernel(scores.equals(TypeName.get(int[].class)) ? "argmax" : "argmaxFloat", i, List.of(),
                    "§3.8: the index of the largest score, the first on a tie", List.of(scores, "v"),
                    """
                    int best = 0;
                    for (int i = 1; i < v.length; i++) {
                        if (v[i] > v[best]) {
                            best = i;
                        }
                    }
                    return best""");
        }
        kernel("clampf", f, List.of(), "as the C kernels clamp: lo, hi or v", List.of(f, "v", f, "lo", f, "hi"),
                "return v < lo ? lo : (v > hi ? hi : v)");
        kernel("sigmoidf", f, List.of("expf"), "1 / (1 + e^-v) in float, as fgc_sigmoid_f32", List.of(f, "v"),
                "return 1.0f / (1.0f + expf(-v))");
        // e^x and tanh(x) as runtime-c/src/fgc_nonlin_f32.c computes them, operation for operation
        kernel("pow2f", f, List.of(), "2^k for -126 <= k <= 127", List.of(i, "k"),
                "return Float.intBitsToFloat((k + 127) << 23)");
        kernel("expK", i, List.of(), "round(x / ln 2), half away from zero", List.of(f, "x"),
                "return (int) (x * 1.442695f + (x < 0.0f ? -0.5f : 0.5f))");
        kernel("expm1r", f, List.of(), "e^r - 1 for |r| <= ln(2)/2: the Taylor polynomial of degree 7",
                List.of(f, "r"), """
                return r * (1.0f + r * (0.5f + r * (0.16666667f + r * (0.041666668f + r * (0.008333334f
                        + r * (0.0013888889f + r * 1.984127E-4f))))))""");
        kernel("reduce", f, List.of(), "x - k ln 2, with ln 2 in two parts (k times the first is exact)",
                List.of(f, "x", i, "k"), """
                float kf = (float) k;
                return (x - kf * 0.69314575f) - kf * 1.4286068E-6f""");
        kernel("expf", f, List.of("pow2f", "expK", "expm1r", "reduce"),
                "e^x = 2^k e^r; 0 below -87, +inf above 88.72, NaN for NaN", List.of(f, "x"), """
                if (x > 88.72f) {
                    return Float.POSITIVE_INFINITY;
                }
                if (!(x >= -87.0f)) {
                    return x < -87.0f ? 0.0f : x;
                }
                int k = expK(x);
                float p = 1.0f + expm1r(reduce(x, k));
                return k > 127 ? p * pow2f(127) * 2.0f : p * pow2f(k)""");
        kernel("tanhf", f, List.of("pow2f", "expK", "expm1r", "reduce"),
                "tanh(x) = e / (e + 2) with e = e^(2|x|) - 1; +-1 beyond |x| = 9.5, NaN for NaN", List.of(f, "x"), """
                float a = x < 0.0f ? -x : x;
                float t = a > 9.5f ? 1.0f : a;
                if (a <= 9.5f) {
                    float y = 2.0f * a;
                    int k = expK(y);
                    float s = pow2f(k);
                    float e = s * expm1r(reduce(y, k)) + (s - 1.0f);
                    t = e / (e + 2.0f);
                }
                return x < 0.0f ? -t : t""");
    }

    private final Set<String> used = new LinkedHashSet<>();

    private static void kernel(String name, TypeName returns, List<String> needs, String doc, List<Object> params,
                               String body) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(returns).addJavadoc("$L", doc);
        for (int k = 0; k < params.size(); k += 2) {
            m.addParameter((TypeName) params.get(k), (String) params.get(k + 1));
        }
        String[] lines = body.strip().split("\n");
        CodeBlock.Builder code = CodeBlock.builder();
        for (int k = 0; k < lines.length; k++) {
            code.add("$L" + (k == lines.length - 1 ? ";\n" : "\n"), lines[k]);
        }
        ALL.put(name, new Kernel(m.addCode(code.build()).build(), needs));
    }

    /** Records that the code calls {@code name}; returns the name, for the call. */
    String use(String name) {
        Kernel k = ALL.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no twin kernel " + name);
        }
        k.needs().forEach(this::use);
        used.add(name);
        return name;
    }

    boolean uses(String name) {
        return used.contains(name);
    }

    /** The helpers used, in a fixed order (the order above), so the output is deterministic. */
    List<MethodSpec> methods() {
        List<MethodSpec> out = new ArrayList<>();
        ALL.forEach((name, k) -> {
            if (used.contains(name)) {
                out.add(k.method());
            }
        });
        return out;
    }

    /** §3.4's table, tanh((k + 1/2) / 64) in Q14 at 256 + k for k = −256 … 255, for {@code tanhQ14}. */
    static int[] tanhTable() {
        return FixedKernels.tanhTable();
    }
}
