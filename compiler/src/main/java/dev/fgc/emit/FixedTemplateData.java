package dev.fgc.emit;

import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.FixedPlan.Op;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a {@link FixedPlan} into what the fixed-point model template prints. */
final class FixedTemplateData {
    private final CPrefix prefix;

    FixedTemplateData(CPrefix prefix) {
        this.prefix = prefix;
    }

    void fill(FixedPlan plan, Map<String, Object> d) {
        d.put("rangeSource", plan.ranges().source());
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (QTensor t : plan.constants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", symbol(t));
            m.put("type", t.cType());
            m.put("length", t.size());
            m.put("comment", t.name() + (t.rows() > 1 ? " [" + t.rows() + "][" + t.cols() + "] ([out][in])" : " ["
                    + t.size() + "]") + ", " + t.format().describe() + ", max |value| " + String.format(Locale.ROOT,
                    "%.6g", t.maxAbs()));
            m.put("lines", IntLiterals.lines(t.values()));
            tensors.add(m);
        }
        d.put("tensors", tensors);
        List<Map<String, Object>> buffers = new ArrayList<>();
        for (FixedPlan.Buffer b : plan.buffers()) {
            buffers.add(Map.of("name", b.name(), "type", b.kind() == FixedPlan.Kind.Q15 ? "int16_t" : "int32_t",
                    "length", b.length()));
        }
        d.put("buffers", buffers);
        d.put("step", ops(plan.step(), plan));
        d.put("classifier", ops(plan.classifier(), plan));
    }

    private List<Map<String, Object>> ops(List<Op> ops, FixedPlan plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Op op : ops) {
            out.add(op(op, plan));
        }
        return out;
    }

    private Map<String, Object> op(Op op, FixedPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (op instanceof FixedPlan.Normalize n) {
            m.put("kind", "normalize");
            m.put("in", buffer(n.in()));
            m.put("out", buffer(n.out()));
            m.put("mean", symbol(n.mean()));
            m.put("invStd", symbol(n.invStd()));
            m.put("shift", n.shift());
        } else if (op instanceof FixedPlan.MatVec v) {
            m.put("kind", "matvec");
            m.put("weights", v.matrix().format().bits() == 8 ? "q7" : "q15");
            m.put("matrix", symbol(v.matrix()));
            m.put("in", buffer(v.in()));
            m.put("out", buffer(v.out()));
            m.put("rows", v.matrix().rows());
            m.put("cols", v.matrix().cols());
            m.put("shift", v.shift());
            m.put("accumulate", v.accumulate());
        } else if (op instanceof FixedPlan.Narrow n) {
            m.put("kind", "narrow");
            m.put("in", buffer(n.in()));
            m.put("out", buffer(n.out()));
            m.put("length", length(plan, n.out()));
        } else if (op instanceof FixedPlan.BiasQ15 b) {
            m.put("kind", "bias");
            m.put("in", buffer(b.in()));
            m.put("bias", symbol(b.bias()));
            m.put("out", buffer(b.out()));
            m.put("length", b.bias().size());
        } else if (op instanceof FixedPlan.Activation a) {
            m.put("kind", "activation");
            m.put("function", a.nonlinearity().cName());
            m.put("buffer", buffer(a.buffer()));
            m.put("length", length(plan, a.buffer()));
            m.put("frac", a.frac());
        } else if (op instanceof FixedPlan.GrnnBlend g) {
            m.put("kind", "grnn");
            m.put("z", buffer(g.z()));
            m.put("zFrac", g.zFrac());
            m.put("c", buffer(g.c()));
            m.put("cFrac", g.cFrac());
            m.put("zeta", g.zeta());
            m.put("nu", g.nu());
            m.put("hFrac", g.hFrac());
            m.put("wide", g.wide());
        } else if (op instanceof FixedPlan.RnnBlend r) {
            m.put("kind", "rnn");
            m.put("c", buffer(r.c()));
            m.put("cFrac", r.cFrac());
            m.put("alpha", r.alpha());
            m.put("beta", r.beta());
            m.put("hFrac", r.hFrac());
            m.put("wide", r.wide());
        } else if (op instanceof FixedPlan.BiasQ31 b) {
            m.put("kind", "bias31");
            m.put("buffer", buffer(b.buffer()));
            m.put("bias", symbol(b.bias()));
            m.put("length", b.bias().size());
        } else {
            throw new IllegalStateException("no template for " + op);
        }
        return m;
    }

    private String symbol(QTensor t) {
        return prefix.symbol(t.name());
    }

    private static String buffer(String name) {
        return FixedPlan.HIDDEN.equals(name) ? "state->h" : name;
    }

    private static int length(FixedPlan plan, String buffer) {
        if (FixedPlan.HIDDEN.equals(buffer)) {
            return plan.model().hidden();
        }
        return plan.buffers().stream().filter(b -> b.name().equals(buffer)).findFirst().orElseThrow().length();
    }
}
