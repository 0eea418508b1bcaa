package dev.fgc.pack;

import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage chosen for every weight matrix of a compiled model, by EdgeML name. Non-zeros are
 * counted on the values as stored: after quantization a tiny weight may become zero and drop out.
 */
public record Packing(Map<String, PackedMatrix> matrices) {

    public Packing {
        matrices = Collections.unmodifiableMap(new LinkedHashMap<>(matrices));
    }

    public PackedMatrix get(String name) {
        PackedMatrix m = matrices.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no packing for matrix " + name);
        }
        return m;
    }

    public Layout layoutOf(String name) {
        return get(name).layout();
    }

    public static Packing of(CompiledModel compiled, Layout.Policy policy) {
        Map<String, PackedMatrix> m = new LinkedHashMap<>();
        if (compiled.plan().isPresent()) {
            for (QTensor t : matrices(compiled.plan().get())) {
                int nnz = 0;
                for (int v : t.values()) {
                    nnz += v != 0 ? 1 : 0;
                }
                m.put(t.name(), PackedMatrix.choose(t.name(), t.rows(), t.cols(), nnz, t.format().bits(), policy));
            }
        } else {
            for (NamedMatrix n : matrices(compiled.model())) {
                Matrix t = n.matrix().transpose();
                m.put(n.name(), PackedMatrix.choose(n.name(), t.rows(), t.cols(), t.nonZeros(), 32, policy));
            }
        }
        return new Packing(m);
    }

    /** The weight matrices of a float model, in the order the cell applies them. */
    public static List<NamedMatrix> matrices(Model model) {
        List<NamedMatrix> all = new ArrayList<>(model.cell().w().factors());
        all.addAll(model.cell().u().factors());
        all.add(model.classifier().fc());
        return all;
    }

    private static List<QTensor> matrices(FixedPlan plan) {
        List<QTensor> all = new ArrayList<>();
        for (List<FixedPlan.Op> ops : List.of(plan.step(), plan.classifier())) {
            for (FixedPlan.Op op : ops) {
                if (op instanceof FixedPlan.MatVec mv) {
                    all.add(mv.matrix());
                }
            }
        }
        return all;
    }
}
