package dev.fgc.emit;

import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.CompressedRows;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.FixedPlan.Op;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link FixedPlan} into what the fixed-point model template prints.
 *
 * <p>The template prints a step as statements calling {@code fgc_q15_inline.h} with the plan's
 * constants, so GCC specialises every kernel on its formats, shifts and dimensions. A
 * matrix-vector product is one call (a product accumulated right after another into the same
 * buffer, §3.7's pre-activation, is one call for both); a run of element-wise ops of the same
 * length is one loop that takes each element through all of them (docs/fixed-point.md is
 * unchanged: each element goes through the same operations in the same order). A buffer that only
 * one loop touches becomes a scalar in registers; the others stay arrays.
 */
final class FixedTemplateData {
    private final CPrefix prefix;
    private final Packing packing;

    FixedTemplateData(CPrefix prefix, Packing packing) {
        this.prefix = prefix;
        this.packing = packing;
    }

    void fill(FixedPlan plan, Map<String, Object> d) {
        d.put("rangeSource", plan.ranges().source());
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (QTensor t : plan.constants()) {
            String comment = t.name() + (t.rows() > 1 ? " [" + t.rows() + "][" + t.cols() + "] ([out][in])" : " ["
                    + t.size() + "]") + ", " + t.format().describe() + ", max |value| " + String.format(Locale.ROOT,
                    "%.6g", t.maxAbs());
            if (sparse(t)) {
                CompressedRows rows = CompressedRows.of(t.values(), t.rows(), t.cols());
                tensors.addAll(TensorArrays.sparse(symbol(t), rows, t.cType(), t.format().bits(),
                        IntLiterals.lines(rows.values()), comment));
            } else if (t.format().bits() == 8) {
                // fgc_q15.h: stored as the target loads int8 weights best (biased on Thumb-1,
                // chunks swapped for SMLAD, rows in groups on AVR)
                Map<String, Object> array = TensorArrays.array(symbol(t), "fgc_w8_t", t.size(), comment,
                        IntLiterals.w8Rows(t.values(), t.cols()));
                if (t.rows() > 1 && t.cols() > 1) {
                    array.put("groupRows", RowGroups.AVR);
                    array.put("groupLines", IntLiterals.lines(
                            RowGroups.order(t.values(), t.rows(), t.cols(), RowGroups.AVR), "FGC_W8"));
                }
                tensors.add(array);
            } else {
                tensors.add(TensorArrays.array(symbol(t), t.cType(), t.size(), comment, IntLiterals.lines(t.values())));
            }
        }
        d.put("tensors", tensors);
        List<Statement> step = statements(plan.step(), plan);
        List<Statement> classifier = statements(plan.classifier(), plan);
        Set<String> scalars = scalars(plan, step);
        Set<String> unused = narrowedAway(step);
        unused.addAll(narrowedAway(classifier));
        List<Map<String, Object>> buffers = new ArrayList<>();
        for (FixedPlan.Buffer b : plan.buffers()) {
            if (!scalars.contains(b.name()) && !unused.contains(b.name())) {
                buffers.add(Map.of("name", b.name(), "type", b.kind() == FixedPlan.Kind.Q15 ? "int16_t" : "int32_t",
                        "length", b.length()));
            }
        }
        d.put("buffers", buffers);
        List<Map<String, Object>> stepCode = render(step, scalars, plan);
        d.put("step", stepCode);
        d.put("stepLoops", stepCode.stream().anyMatch(st -> "loop".equals(st.get("kind"))));
        d.put("classifier", render(classifier, Set.of(), plan));
    }

    /** What one op reads and writes, and over how many elements it runs. */
    private record Access(Op op, int length, Set<String> reads, Set<String> writes) {
    }

    private Access access(Op op, FixedPlan plan) {
        if (op instanceof FixedPlan.Narrow n) {
            return new Access(op, length(plan, n.out()), Set.of(n.in()), Set.of(n.out()));
        } else if (op instanceof FixedPlan.BiasQ15 b) {
            return new Access(op, b.bias().size(), Set.of(b.in()), Set.of(b.out()));
        } else if (op instanceof FixedPlan.Activation a) {
            return new Access(op, length(plan, a.buffer()), Set.of(a.buffer()), Set.of(a.buffer()));
        } else if (op instanceof FixedPlan.GrnnBlend g) {
            return new Access(op, plan.model().hidden(), Set.of(g.z(), g.c(), FixedPlan.HIDDEN),
                    Set.of(FixedPlan.HIDDEN));
        } else if (op instanceof FixedPlan.RnnBlend r) {
            return new Access(op, plan.model().hidden(), Set.of(r.c(), FixedPlan.HIDDEN),
                    Set.of(FixedPlan.HIDDEN));
        } else if (op instanceof FixedPlan.BiasQ31 b) {
            return new Access(op, b.bias().size(), Set.of(b.buffer()), Set.of(b.buffer()));
        }
        throw new IllegalStateException("no template for " + op);
    }

    /** What the template prints: the normalisation, a product, or a loop over element-wise ops. */
    private sealed interface Statement permits Normalization, Product, Loop {
    }

    private record Normalization(FixedPlan.Normalize op) implements Statement {
    }

    /**
     * One matrix-vector product, or two summed into the same buffer ({@code second} null for one);
     * {@code narrowTo} names the q15 buffer that a single product's result goes to through §3.3's
     * narrowing when nothing else reads its int32 result (null otherwise).
     */
    private record Product(FixedPlan.MatVec first, FixedPlan.MatVec second, String narrowTo) implements Statement {
        List<FixedPlan.MatVec> factors() {
            return second == null ? List.of(first) : List.of(first, second);
        }
    }

    private record Loop(List<Access> ops) implements Statement {
    }

    /**
     * The plan's ops as statements: the normalisation, products, and loops over greedy runs of
     * element-wise ops with the same length (each reads only element i of its inputs to write
     * element i, so a run can take one element at a time through all of its ops).
     */
    private List<Statement> statements(List<Op> ops, FixedPlan plan) {
        List<Statement> out = new ArrayList<>();
        List<Access> loop = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Op op = ops.get(k);
            Access a = op instanceof FixedPlan.MatVec || op instanceof FixedPlan.Normalize ? null : access(op, plan);
            if (!loop.isEmpty() && (a == null || loop.get(0).length() != a.length())) {
                out.add(new Loop(List.copyOf(loop)));
                loop.clear();
            }
            if (op instanceof FixedPlan.MatVec v) {
                FixedPlan.MatVec next = k + 1 < ops.size() && ops.get(k + 1) instanceof FixedPlan.MatVec n
                        && summable(v, n) ? n : null;
                FixedPlan.Narrow narrow = next == null && k + 1 < ops.size()
                        && ops.get(k + 1) instanceof FixedPlan.Narrow n && narrowable(v, n, ops, k, plan) ? n : null;
                out.add(new Product(v, next, narrow == null ? null : narrow.out()));
                k += next == null && narrow == null ? 0 : 1;
            } else if (op instanceof FixedPlan.Normalize n) {
                out.add(new Normalization(n));
            } else {
                loop.add(a);
            }
        }
        if (!loop.isEmpty()) {
            out.add(new Loop(List.copyOf(loop)));
        }
        return out;
    }

    private boolean sparse(QTensor t) {
        return packing.matrices().containsKey(t.name()) && packing.layoutOf(t.name()) == Layout.SPARSE;
    }

    /**
     * Whether the product at {@code k} hands its int32 result to {@code narrow} alone (dense, not
     * accumulated, and no other op of the list reads it), so the product can narrow as it stores.
     */
    private boolean narrowable(FixedPlan.MatVec v, FixedPlan.Narrow narrow, List<Op> ops, int k, FixedPlan plan) {
        if (sparse(v.matrix()) || v.accumulate() || !narrow.in().equals(v.out())) {
            return false;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (i != k && i != k + 1 && reads(ops.get(i), plan).contains(v.out())) {
                return false;
            }
        }
        return true;
    }

    private Set<String> reads(Op op, FixedPlan plan) {
        if (op instanceof FixedPlan.MatVec m) {
            return m.accumulate() ? Set.of(m.in(), m.out()) : Set.of(m.in());
        } else if (op instanceof FixedPlan.Normalize n) {
            return Set.of(n.in());
        }
        return access(op, plan).reads();
    }

    /** The int32 buffers that products narrowing as they store leave unused. */
    private static Set<String> narrowedAway(List<Statement> statements) {
        Set<String> unused = new HashSet<>();
        for (Statement st : statements) {
            if (st instanceof Product p && p.narrowTo() != null) {
                unused.add(p.first().out());
            }
        }
        return unused;
    }

    /** Whether {@code second} accumulates onto {@code first}'s fresh output with the same weight width. */
    private boolean summable(FixedPlan.MatVec first, FixedPlan.MatVec second) {
        return !sparse(first.matrix()) && !sparse(second.matrix())
                && !first.accumulate() && second.accumulate() && second.out().equals(first.out())
                && !second.in().equals(first.out()) && first.matrix().rows() == second.matrix().rows()
                && first.matrix().format().bits() == second.matrix().format().bits();
    }

    /** The step's local buffers that one loop alone touches (a product or the normalisation needs arrays). */
    private static Set<String> scalars(FixedPlan plan, List<Statement> statements) {
        Map<String, Statement> owner = new HashMap<>();
        Set<String> arrays = new HashSet<>();
        for (Statement st : statements) {
            if (st instanceof Normalization n) {
                arrays.add(n.op().out());
            } else if (st instanceof Product p) {
                for (FixedPlan.MatVec v : p.factors()) {
                    arrays.add(v.in());
                    arrays.add(p.narrowTo() != null ? p.narrowTo() : v.out());
                }
            } else if (st instanceof Loop l) {
                for (Access a : l.ops()) {
                    for (String name : union(a.reads(), a.writes())) {
                        if (owner.getOrDefault(name, st) != st) {
                            arrays.add(name);
                        }
                        owner.put(name, st);
                    }
                }
            }
        }
        Set<String> scalars = new LinkedHashSet<>();
        for (FixedPlan.Buffer b : plan.buffers()) {
            if (owner.containsKey(b.name()) && !arrays.contains(b.name())) {
                scalars.add(b.name());
            }
        }
        return scalars;
    }

    private List<Map<String, Object>> render(List<Statement> statements, Set<String> scalars, FixedPlan plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        Statement previous = null;
        for (Statement st : statements) {
            if (st instanceof Product p) {
                out.add(product(p, previous));
            } else if (st instanceof Normalization n) {
                out.add(Map.of("kind", "normalize", "in", vector(n.op().in()), "out", vector(n.op().out()), "mean",
                        symbol(n.op().mean()), "invStd", symbol(n.op().invStd()), "shift", n.op().shift()));
            } else if (st instanceof Loop l) {
                out.add(fastGrnnCell(l, scalars).orElseGet(() -> loop(l, scalars, plan)));
            }
            previous = st;
        }
        return out;
    }

    private Map<String, Object> loop(Loop l, Set<String> scalars, FixedPlan plan) {
        Set<String> declared = new LinkedHashSet<>();
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Access a : l.ops()) {
            for (String w : a.writes()) {
                if (scalars.contains(w)) {
                    declared.add(scalar(w));
                }
            }
            ops.add(op(a.op(), scalars, plan));
        }
        return Map.of("kind", "loop", "length", l.ops().get(0).length(), "scalars", List.copyOf(declared),
                "ops", ops);
    }

    /**
     * FastGRNN's element loop with a tanh update and a sigmoid gate (EdgeML's defaults) or a tanh
     * gate — bias and gate, bias and tanh, then the int32 blend, through scalars — as one call of
     * {@code fgc_fastgrnn_sigmoid_tanh_q15_inl} or {@code fgc_fastgrnn_tanh_tanh_q15_inl} (the same
     * operations; Thumb-2 has a loop of assembly for both, Thumb-1 and AVR for the sigmoid gate), or
     * empty for any other loop.
     */
    private Optional<Map<String, Object>> fastGrnnCell(Loop loop, Set<String> scalars) {
        List<Op> ops = loop.ops().stream().map(Access::op).toList();
        if (ops.size() != 5 || !(ops.get(0) instanceof FixedPlan.BiasQ15 zb)
                || !(ops.get(1) instanceof FixedPlan.Activation za) || !(ops.get(2) instanceof FixedPlan.BiasQ15 cb)
                || !(ops.get(3) instanceof FixedPlan.Activation ca) || !(ops.get(4) instanceof FixedPlan.GrnnBlend g)) {
            return Optional.empty();
        }
        boolean shape = (za.nonlinearity() == Nonlinearity.SIGMOID || za.nonlinearity() == Nonlinearity.TANH)
                && ca.nonlinearity() == Nonlinearity.TANH
                && zb.in().equals(cb.in()) && za.buffer().equals(zb.out()) && ca.buffer().equals(cb.out())
                && g.z().equals(zb.out()) && g.c().equals(cb.out()) && za.frac() == ca.frac()
                && g.zFrac() == 14 && g.cFrac() == 14 && !g.wide()
                && scalars.contains(zb.out()) && scalars.contains(cb.out()) && !scalars.contains(zb.in());
        if (!shape) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "grnn_cell");
        m.put("gate", za.nonlinearity() == Nonlinearity.SIGMOID ? "sigmoid" : "tanh");
        m.put("pre", vector(zb.in()));
        m.put("bg", symbol(zb.bias()));
        m.put("bh", symbol(cb.bias()));
        m.put("frac", za.frac());
        m.put("zeta", g.zeta());
        m.put("nu", g.nu());
        m.put("hFrac", g.hFrac());
        m.put("length", loop.ops().get(0).length());
        return Optional.of(m);
    }

    private Map<String, Object> product(Product p, Statement previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (sparse(p.first().matrix())) {
            FixedPlan.MatVec v = p.first();
            QTensor t = v.matrix();
            m.put("kind", "spmv");
            m.put("function", symbol(t) + (v.accumulate() ? "_acc" : "") + "_product");
            m.put("weights", t.format().bits() == 8 ? "q7" : "q15");
            TensorArrays.sparseArguments(m, symbol(t), CompressedRows.of(t.values(), t.rows(), t.cols()), t.cType(),
                    t.format().bits());
            m.put("in", vector(v.in()));
            m.put("rows", t.rows());
            m.put("shift", v.shift());
            m.put("accumulate", !v.accumulate() ? 0 : unsaturatedSum(v, previous) ? 2 : 1);
            m.put("out", vector(v.out()));
            return m;
        }
        m.put("kind", p.narrowTo() != null ? "matvec_narrow" : p.second() == null ? "matvec" : "matvec2");
        m.put("weights", p.first().matrix().format().bits() == 8 ? "q7" : "q15");
        m.put("rows", p.first().matrix().rows());
        m.put("out", vector(p.narrowTo() != null ? p.narrowTo() : p.first().out()));
        m.put("accumulate", p.first().accumulate());
        List<Map<String, Object>> factors = new ArrayList<>();
        for (FixedPlan.MatVec v : p.factors()) {
            factors.add(Map.of("matrix", symbol(v.matrix()), "in", vector(v.in()), "cols", v.matrix().cols(),
                    "shift", v.shift()));
        }
        m.put("factors", factors);
        return m;
    }

    /**
     * Whether an accumulating int8 product adds onto the fresh result of one int8 product just
     * before it, both shifted by at least 1: their sum then fits int32 (fgc_sum_fits32 in
     * fgc_q15_products.h), so the kernel adds without saturating.
     */
    private static boolean unsaturatedSum(FixedPlan.MatVec v, Statement previous) {
        return previous instanceof Product p && p.second() == null && p.narrowTo() == null
                && !p.first().accumulate() && p.first().out().equals(v.out())
                && p.first().matrix().format().bits() == 8 && v.matrix().format().bits() == 8
                && p.first().shift() >= 1 && v.shift() >= 1;
    }

    private Map<String, Object> op(Op op, Set<String> scalars, FixedPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (op instanceof FixedPlan.Narrow n) {
            m.put("kind", "narrow");
            m.put("in", element(n.in(), scalars));
            m.put("out", store(n.out(), scalars, plan));
        } else if (op instanceof FixedPlan.BiasQ15 b) {
            m.put("kind", "bias");
            m.put("in", element(b.in(), scalars));
            m.put("bias", symbol(b.bias()));
            m.put("out", store(b.out(), scalars, plan));
        } else if (op instanceof FixedPlan.Activation a) {
            m.put("kind", "activation");
            m.put("function", a.nonlinearity().cName());
            m.put("in", element(a.buffer(), scalars));
            m.put("out", store(a.buffer(), scalars, plan));
            m.put("frac", a.frac());
        } else if (op instanceof FixedPlan.GrnnBlend g) {
            m.put("kind", "grnn");
            m.put("z", element(g.z(), scalars));
            m.put("zFrac", g.zFrac());
            m.put("c", element(g.c(), scalars));
            m.put("cFrac", g.cFrac());
            m.put("zeta", g.zeta());
            m.put("nu", g.nu());
            m.put("hFrac", g.hFrac());
            m.put("wide", g.wide());
            m.put("bounded", boundedGate(plan));
        } else if (op instanceof FixedPlan.RnnBlend r) {
            m.put("kind", "rnn");
            m.put("c", element(r.c(), scalars));
            m.put("cFrac", r.cFrac());
            m.put("alpha", r.alpha());
            m.put("beta", r.beta());
            m.put("hFrac", r.hFrac());
            m.put("wide", r.wide());
        } else if (op instanceof FixedPlan.BiasQ31 b) {
            m.put("kind", "bias31");
            m.put("in", element(b.buffer(), scalars));
            m.put("bias", symbol(b.bias()));
            m.put("out", store(b.buffer(), scalars, plan));
        } else {
            throw new IllegalStateException("no template for " + op);
        }
        return m;
    }

    /** Whether FastGRNN's gate is bounded by 1 (every nonlinearity but relu), as the bounded blend needs. */
    private static boolean boundedGate(FixedPlan plan) {
        return plan.model().cell() instanceof FastGrnnCell c && c.gate() != Nonlinearity.RELU;
    }

    private String symbol(QTensor t) {
        return prefix.symbol(t.name());
    }

    private static String scalar(String buffer) {
        return buffer + "_i";
    }

    /** A buffer as a whole vector: the caller's hidden state, or a local array. */
    private static String vector(String buffer) {
        return FixedPlan.HIDDEN.equals(buffer) ? "state->h" : buffer;
    }

    /** Element i of a buffer, as read in a loop. */
    private static String element(String buffer, Set<String> scalars) {
        return scalars.contains(buffer) ? scalar(buffer) : vector(buffer) + "[i]";
    }

    /** The left-hand side that stores element i of a buffer, with the cast an int16_t array needs. */
    private static String store(String buffer, Set<String> scalars, FixedPlan plan) {
        if (scalars.contains(buffer)) {
            return scalar(buffer) + " = ";
        }
        boolean q15 = FixedPlan.HIDDEN.equals(buffer) || plan.buffers().stream()
                .anyMatch(b -> b.name().equals(buffer) && b.kind() == FixedPlan.Kind.Q15);
        return element(buffer, scalars) + " = " + (q15 ? "(int16_t)" : "");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static int length(FixedPlan plan, String buffer) {
        if (FixedPlan.HIDDEN.equals(buffer)) {
            return plan.model().hidden();
        }
        return plan.buffers().stream().filter(b -> b.name().equals(buffer)).findFirst().orElseThrow().length();
    }
}
