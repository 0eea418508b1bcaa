package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.FixedPlan.Op;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A fixed-point twin: the plan's kernel calls printed as loops with every format, shift and
 * dimension a literal, so the twin computes the integers of docs/fixed-point.md that the
 * firmware computes. Sums and products are formed in {@code long}, where none of §3's can
 * overflow; that gives the exact integers the C forms in int32 or int64.
 */
final class FixedTwin extends TwinBody {
    private final FixedPlan plan;
    private final Packing packing;
    private final Map<QTensor, Loops.Stored> matrices = new IdentityHashMap<>();
    private final Map<QTensor, String> vectors = new IdentityHashMap<>();

    FixedTwin(FixedPlan plan, Packing packing) {
        this.plan = plan;
        this.packing = packing;
        for (QTensor t : plan.constants()) {
            String doc = t.name() + ", " + t.format().describe() + String.format(Locale.ROOT, ", max |value| %.6g",
                    t.maxAbs());
            ConstantPool.Type type = switch (t.format().bits()) {
                case 8 -> ConstantPool.Type.BYTE;
                case 16 -> ConstantPool.Type.SHORT;
                default -> ConstantPool.Type.INT;
            };
            if (isMatrix(t)) {
                matrices.put(t, Loops.store(pool, t.name(), t.rows(), t.cols(), t.values(), type,
                        packing.layoutOf(t.name()) == Layout.SPARSE, doc));
            } else {
                vectors.put(t, pool.add(Names.constant(t.name()), type, t.values(), doc));
            }
        }
        step = code(plan.step());
        scores = CodeBlock.builder().add(code(plan.classifier()))
                .addStatement("return $L(scores)", kernels.use("argmax")).build();
        if (kernels.uses("tanhQ14")) {
            pool.add("TANH_Q14", ConstantPool.Type.SHORT, TwinKernels.tanhTable(), "§3.4: tanh((k + 1/2) / 64) in Q14 at 256 + k");
        }
    }

    private boolean isMatrix(QTensor t) {
        return packing.matrices().containsKey(t.name());
    }

    @Override
    TypeName value() {
        return TypeName.SHORT;
    }

    @Override
    TypeName score() {
        return TypeName.INT;
    }

    @Override
    List<FieldSpec> publicConstants() {
        return List.of(
                format("INPUT_FRAC_BITS", plan.input().frac(), "Inputs are q15 values in Q$L: value = q / 2^$L (see quantize)."),
                format("SCORE_FRAC_BITS", plan.scores().frac(), "Scores are int32 values in Q$L."),
                format("HIDDEN_FRAC_BITS", plan.hidden().frac(), "The hidden state is q15 in Q$L."));
    }

    private static FieldSpec format(String name, int frac, String doc) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(doc.replace("$L", Integer.toString(frac))).initializer("$L", frac).build();
    }

    @Override
    List<FieldSpec> scratch() {
        List<FieldSpec> out = new ArrayList<>();
        for (FixedPlan.Buffer b : plan.buffers()) {
            out.add(FieldSpec.builder(int[].class, Names.buffer(b.name()), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new int[$L]", b.length()).build());
        }
        return out;
    }

    @Override
    CodeBlock input(String raw) {
        return CodeBlock.of("quantize($L)", raw);
    }

    @Override
    List<MethodSpec> helpers() {
        return List.of(MethodSpec.methodBuilder("quantize")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.SHORT)
                        .addParameter(TypeName.DOUBLE, "raw")
                        .addJavadoc("A raw input as the model takes it: q15 in Q$L, rounded half up, saturated.",
                                plan.input().frac())
                        .beginControlFlow("if (Double.isNaN(raw))")
                        .addStatement("throw new IllegalArgumentException($S)", "cannot quantize NaN")
                        .endControlFlow()
                        .addStatement("double s = Math.scalb(raw, INPUT_FRAC_BITS)")
                        .addStatement("double floor = Math.floor(s)")
                        .addStatement("double rounded = s - floor >= 0.5 ? floor + 1 : floor")
                        .addStatement("return (short) Math.max(-32768, Math.min(32767, rounded))")
                        .build(),
                MethodSpec.methodBuilder("realScore")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.DOUBLE)
                        .addParameter(TypeName.INT, "score")
                        .addJavadoc("A score's real value: score / 2^SCORE_FRAC_BITS.")
                        .addStatement("return Math.scalb((double) score, -SCORE_FRAC_BITS)")
                        .build());
    }

    @Override
    String describe() {
        return "Fixed point (fgc's docs/fixed-point.md): the firmware's integers, bit for bit.\nFormats: "
                + plan.ranges().source() + ".";
    }

    private CodeBlock code(List<Op> ops) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (Op op : ops) {
            b.add(code(op));
        }
        return b.build();
    }

    private CodeBlock code(Op op) {
        if (op instanceof FixedPlan.Normalize n) {
            return Loops.each(plan.model().inputs(), "$L[i] = $L($L((long) $L($L[i] - $L[offset + i]) * $L[offset + i], $L))",
                    vector(n.out()), kernels.use("sat16"), kernels.use("rshift"), kernels.use("sat16"),
                    vector(n.in()), vectors.get(n.mean()), vectors.get(n.invStd()), n.shift());
        } else if (op instanceof FixedPlan.MatVec m) {
            String out = vector(m.out());
            String sat32 = kernels.use("sat32");
            String rshift = kernels.use("rshift");
            return Loops.product(matrices.get(m.matrix()), "long", "0", vector(m.in()), sum -> m.accumulate()
                    ? out + "[row] = " + sat32 + "(" + out + "[row] + " + rshift + "(" + sum + ", " + m.shift() + "))"
                    : out + "[row] = " + sat32 + "(" + rshift + "(" + sum + ", " + m.shift() + "))");
        } else if (op instanceof FixedPlan.Narrow n) {
            return Loops.each(length(n.out()), "$L[i] = $L($L[i])", vector(n.out()), kernels.use("sat16"), vector(n.in()));
        } else if (op instanceof FixedPlan.BiasQ15 n) {
            return Loops.each(length(n.out()), "$L[i] = $L((long) $L[i] + $L[i])", vector(n.out()), kernels.use("sat16"),
                    vector(n.in()), vectors.get(n.bias()));
        } else if (op instanceof FixedPlan.Activation a) {
            String v = vector(a.buffer());
            return Loops.each(length(a.buffer()), "$L[i] = $L", v, activation(a.nonlinearity(), v + "[i]", a.frac()));
        } else if (op instanceof FixedPlan.GrnnBlend g) {
            return Loops.each(plan.model().hidden(), "h[i] = (short) $L", grnn(g));
        } else if (op instanceof FixedPlan.RnnBlend r) {
            String rshift = kernels.use("rshift");
            return Loops.each(plan.model().hidden(), "h[i] = (short) $L($L($LL * h[i], 14) + $L($LL * $L[i], $L))",
                    kernels.use("sat16"), rshift, r.beta(), rshift, r.alpha(), vector(r.c()),
                    blendShift(r.cFrac(), r.hFrac()));
        } else if (op instanceof FixedPlan.BiasQ31 n) {
            return Loops.each(length(n.buffer()), "$L[i] = $L((long) $L[i] + $L[i])", vector(n.buffer()),
                    kernels.use("sat32"), vector(n.buffer()), vectors.get(n.bias()));
        }
        throw new IllegalStateException("no twin code for " + op);
    }

    /**
     * §3.5 for one element: {@code sat16(scale(z·h, fz) + rshift(coef·c, 14 + fc − fh))} with
     * {@code coef = rshift(ζ'·(2^fz − z), fz) + ν'}, or for fz &lt; 0 exactly {@code ζ' + ν' − ζ'·z·2^−fz}.
     */
    private CodeBlock grnn(FixedPlan.GrnnBlend g) {
        String rshift = kernels.use("rshift");
        String z = vector(g.z()) + "[i]";
        String c = vector(g.c()) + "[i]";
        int sc = blendShift(g.cFrac(), g.hFrac());
        if (g.zFrac() >= 0) {
            return CodeBlock.of("$L($L((long) $L * h[i], $L) + $L(($L($LL * ($LL - $L), $L) + $L) * $L, $L))",
                    kernels.use("sat16"), rshift, z, g.zFrac(), rshift, rshift, g.zeta(), 1L << g.zFrac(), z,
                    g.zFrac(), g.nu(), c, sc);
        }
        long up = 1L << -g.zFrac();
        return CodeBlock.of("$L((long) $L * $LL * h[i] + $L(($LL - $LL * $L * $LL) * $L, $L))", kernels.use("sat16"),
                z, up, rshift, (long) g.zeta() + g.nu(), g.zeta(), z, up, c, sc);
    }

    private static int blendShift(int fc, int fh) {
        return 14 + fc - fh;
    }

    private CodeBlock activation(Nonlinearity nl, String x, int frac) {
        return switch (nl) {
            case SIGMOID -> CodeBlock.of("$L($L, $L)", kernels.use("sigmoidQ14"), x, frac);
            case TANH -> CodeBlock.of("$L($L, $L)", kernels.use("tanhQ14"), x, frac);
            case RELU -> CodeBlock.of("Math.max($L, 0)", x);
            case QUANT_SIGM -> CodeBlock.of("$L($L, $L, 1)", kernels.use("clampQ14"), x, frac);
            case QUANT_SIGM4 -> CodeBlock.of("$L($L, $L, 2)", kernels.use("clampQ14"), x, frac);
            case QUANT_TANH -> CodeBlock.of("$L($L, $L, 0)", kernels.use("clampQ14"), x, frac);
        };
    }

    /** A buffer as the twin names it: the caller's inputs, the hidden state, the scores or a scratch array. */
    private static String vector(String buffer) {
        return switch (buffer) {
            case FixedPlan.INPUT -> "x";
            case FixedPlan.HIDDEN -> "h";
            case FixedPlan.SCORES -> "scores";
            default -> Names.buffer(buffer);
        };
    }

    private int length(String buffer) {
        if (FixedPlan.HIDDEN.equals(buffer)) {
            return plan.model().hidden();
        }
        if (FixedPlan.SCORES.equals(buffer)) {
            return plan.model().classes();
        }
        return plan.buffers().stream().filter(b -> b.name().equals(buffer)).findFirst().orElseThrow().length();
    }
}
