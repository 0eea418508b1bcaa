package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.model.NamedScalar;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A float twin: the operations of the float firmware (templates/model/model_f32.c.ftl and the
 * runtime's f32 kernels) in the same order on float32 values, so every sum, product and quotient
 * rounds as on the device, e^x and tanh included (the runtime's own, mirrored in TwinKernels).
 */
final class FloatTwin extends TwinBody {
    private final Model model;
    private final Packing packing;
    private final List<FieldSpec> scratch = new ArrayList<>();
    private final List<FieldSpec> scalars = new ArrayList<>();

    FloatTwin(Model model, Packing packing) {
        this.model = model;
        this.packing = packing;
        Cell cell = model.cell();
        int in = model.inputs();
        int hid = model.hidden();
        String mean = vector("mean", model.normalizer().mean());
        String std = vector("std", model.normalizer().std());
        buffer("xn", in);
        buffer("pre", hid);
        CodeBlock.Builder s = CodeBlock.builder()
                .add(Loops.each(in, "xn[i] = (x[i] - $L[offset + i]) / $L[offset + i]", mean, std))
                .add(projection(cell.w(), "xn", "wLow", false))
                .add(projection(cell.u(), "h", "uLow", true));
        if (cell instanceof FastGrnnCell g) {
            buffer("z", hid);
            buffer("c", hid);
            s.add(gate("z", g.bg(), g.gate())).add(gate("c", g.bh(), g.update()))
                    .add(Loops.each(hid, "h[i] = z[i] * h[i] + ($L * (1.0f - z[i]) + $L) * c[i]", scalar(g.zeta()),
                            scalar(g.nu())));
        } else {
            FastRnnCell r = (FastRnnCell) cell;
            buffer("c", hid);
            s.add(gate("c", r.b(), r.update()))
                    .add(Loops.each(hid, "h[i] = $L * h[i] + $L * c[i]", scalar(r.beta()), scalar(r.alpha())));
        }
        step = s.build();
        scores = CodeBlock.builder()
                .add(product(model.classifier().fc(), "h", "scores", false))
                .add(Loops.each(model.classes(), "scores[i] = scores[i] + $L[i]",
                        vector(model.classifier().bias().name(), model.classifier().bias().matrix())))
                .addStatement("return $L(scores)", kernels.use("argmaxFloat"))
                .build();
    }

    @Override
    TypeName value() {
        return TypeName.FLOAT;
    }

    @Override
    TypeName score() {
        return TypeName.FLOAT;
    }

    @Override
    List<FieldSpec> publicConstants() {
        return List.copyOf(scalars);
    }

    @Override
    List<FieldSpec> scratch() {
        return List.copyOf(scratch);
    }

    @Override
    CodeBlock input(String raw) {
        return CodeBlock.of("(float) $L", raw);
    }

    @Override
    List<MethodSpec> helpers() {
        return List.of();
    }

    @Override
    String describe() {
        return "float32, operation for operation as the float firmware: the same bits.";
    }

    /** x·W (or x·W1·W2 through a rank-sized buffer) into pre, added to it for the recurrent map. */
    private CodeBlock projection(LinearMap map, String in, String low, boolean accumulate) {
        CodeBlock.Builder b = CodeBlock.builder();
        List<NamedMatrix> factors = map.factors();
        String from = in;
        for (int i = 0; i < factors.size(); i++) {
            boolean last = i == factors.size() - 1;
            String out = last ? "pre" : low;
            if (!last) {
                buffer(low, factors.get(i).matrix().cols());
            }
            b.add(product(factors.get(i), from, out, last && accumulate));
            from = out;
        }
        return b.build();
    }

    /**
     * {@code out (+)= M·in} as fgc_matvec(_acc)_f32 and fgc_spmv_f32 compute it: a row's sum from
     * 0.0f in column order, then {@code 0.0f + sum} (dense, which stores 0 and adds), {@code sum}
     * (sparse) or {@code out + sum} (accumulating); the two first differ for a sum of −0.0f.
     */
    private CodeBlock product(NamedMatrix m, String in, String out, boolean accumulate) {
        Matrix t = m.matrix().transpose();
        boolean sparse = packing.layoutOf(m.name()) == Layout.SPARSE;
        int[] bits = new int[t.size()];
        double[] v = t.values();
        for (int i = 0; i < bits.length; i++) {
            float f = (float) v[i];
            bits[i] = sparse && f == 0.0f ? 0 : Float.floatToIntBits(f);
        }
        Loops.Stored stored = Loops.store(pool, m.name(), t.rows(), t.cols(), bits,
                ConstantPool.Type.FLOAT, sparse, m.name() + " " + m.matrix().shape() + " transposed");
        String first = sparse ? "" : "0.0f + ";
        return Loops.product(stored, "float", "0.0f", in,
                sum -> out + "[row] = " + (accumulate ? out + "[row] + " : first) + sum);
    }

    private CodeBlock gate(String out, NamedMatrix bias, Nonlinearity nl) {
        return CodeBlock.builder()
                .add(Loops.each(model.hidden(), "$L[i] = pre[i] + $L[i]", out, vector(bias.name(), bias.matrix())))
                .add(Loops.each(model.hidden(), "$L[i] = $L", out, nonlinearity(nl, out + "[i]")))
                .build();
    }

    private CodeBlock nonlinearity(Nonlinearity nl, String v) {
        return switch (nl) {
            case SIGMOID -> CodeBlock.of("$L($L)", kernels.use("sigmoidf"), v);
            case TANH -> CodeBlock.of("$L($L)", kernels.use("tanhf"), v);
            case RELU -> CodeBlock.of("$L > 0.0f ? $L : 0.0f", v, v);
            case QUANT_SIGM -> CodeBlock.of("$L(($L + 1.0f) * 0.5f, 0.0f, 1.0f)", kernels.use("clampf"), v);
            case QUANT_SIGM4 -> CodeBlock.of("$L(($L + 2.0f) * 0.25f, 0.0f, 1.0f)", kernels.use("clampf"), v);
            case QUANT_TANH -> CodeBlock.of("$L($L, -1.0f, 1.0f)", kernels.use("clampf"), v);
        };
    }

    private String vector(String name, Matrix values) {
        return pool.addFloats(Names.constant(name), values.values(), name + " [" + values.size() + "]");
    }

    /** σ(zeta), σ(nu), σ(alpha), σ(beta) as float constants, the values the C folds in. */
    private String scalar(NamedScalar s) {
        String name = Names.constant(s.name());
        scalars.add(FieldSpec.builder(TypeName.FLOAT, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("sigmoid($L), $L = $L", s.name(), s.name(), s.value())
                .initializer("$Lf", Float.toString((float) s.sigmoid())).build());
        return name;
    }

    private void buffer(String name, int length) {
        scratch.add(FieldSpec.builder(float[].class, name, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L]", length).build());
    }
}
