package dev.fgc.pack;

import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.QTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honest size accounting of a compiled, packed model: per tensor its shape, non-zeros, layout,
 * value and index bytes; the total bytes of model constants in flash; the RAM the model needs
 * (the caller's state, and the scratch arrays of one step on the stack).
 */
public record SizeReport(List<Entry> tensors, long constantBytes, long stateBytes, long scratchBytes) {

    /** One constant as stored in flash. */
    public record Entry(String name, int rows, int cols, int nonZeros, String layout, long valueBytes,
                        long indexBytes) {
        public long bytes() {
            return valueBytes + indexBytes;
        }
    }

    public long ramBytes() {
        return stateBytes + scratchBytes;
    }

    public static SizeReport of(CompiledModel compiled, Packing packing) {
        List<Entry> entries = new ArrayList<>();
        Model model = compiled.model();
        long scratch;
        long state;
        if (compiled.plan().isPresent()) {
            FixedPlan plan = compiled.plan().get();
            for (QTensor t : plan.constants()) {
                PackedMatrix p = packing.matrices().get(t.name());
                entries.add(p != null ? entry(p) : new Entry(t.name(), t.rows(), t.cols(), nonZeros(t.values()),
                        "dense", t.bytes(), 0));
            }
            scratch = plan.buffers().stream()
                    .mapToLong(b -> (long) b.length() * (b.kind() == FixedPlan.Kind.Q15 ? 2 : 4)).sum();
            state = align(2L * model.hidden() + 2, 2);
        } else {
            for (NamedMatrix m : Packing.matrices(model)) {
                entries.add(entry(packing.get(m.name())));
            }
            List<NamedMatrix> vectors = new ArrayList<>(model.cell().biases());
            vectors.add(model.classifier().bias());
            vectors.add(new NamedMatrix("mean", model.normalizer().mean()));
            vectors.add(new NamedMatrix("std", model.normalizer().std()));
            for (NamedMatrix v : vectors) {
                entries.add(new Entry(v.name(), 1, v.matrix().size(), v.matrix().nonZeros(), "dense",
                        4L * v.matrix().size(), 0));
            }
            // σ(zeta), σ(nu)… are folded into the code as immediates: no constant in flash.
            model.cell().scalars().forEach(s -> entries.add(new Entry(s.name(), 1, 1, s.value() == 0 ? 0 : 1,
                    "immediate", 0, 0)));
            int ranks = model.cell().w().rank().orElse(0) + model.cell().u().rank().orElse(0);
            int vectorsPerStep = model.cell().biases().size() == 2 ? 3 : 2; // pre, (z,) c
            scratch = 4L * (model.inputs() + (long) vectorsPerStep * model.hidden() + ranks);
            state = align(4L * model.hidden() + 2, 4);
        }
        long constants = entries.stream().mapToLong(Entry::bytes).sum();
        return new SizeReport(List.copyOf(entries), constants, state, scratch);
    }

    private static Entry entry(PackedMatrix p) {
        return new Entry(p.name(), p.rows(), p.cols(), p.nonZeros(), p.layout().label(), p.valueBytes(),
                p.indexBytes());
    }

    private static int nonZeros(int[] v) {
        int n = 0;
        for (int x : v) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    private static long align(long n, int to) {
        return (n + to - 1) / to * to;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Entry e : tensors) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", e.name());
            t.put("shape", List.of(e.rows(), e.cols()));
            t.put("nonZeros", e.nonZeros());
            t.put("layout", e.layout());
            t.put("valueBytes", e.valueBytes());
            t.put("indexBytes", e.indexBytes());
            list.add(t);
        }
        m.put("tensors", list);
        m.put("constantBytes", constantBytes);
        Map<String, Object> ram = new LinkedHashMap<>();
        ram.put("state", stateBytes);
        ram.put("scratch", scratchBytes);
        ram.put("total", ramBytes());
        m.put("ramBytes", ram);
        return m;
    }
}
