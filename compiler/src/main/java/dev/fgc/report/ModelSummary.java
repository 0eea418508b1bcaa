package dev.fgc.report;

import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.model.NamedScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code fgc inspect} tells about a model: cell, dimensions, ranks, parameters, non-zeros, size. */
public final class ModelSummary {
    private ModelSummary() {
    }

    public static Map<String, Object> of(Model model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.name());
        m.put("cell", model.cell().kind().toString());
        m.put("inputDims", model.inputs());
        m.put("timesteps", model.timesteps());
        m.put("hiddenDims", model.hidden());
        m.put("numClasses", model.classes());
        m.put("wRank", rank(model.cell().w()));
        m.put("uRank", rank(model.cell().u()));
        if (model.cell() instanceof FastGrnnCell g) {
            m.put("gate", g.gate().edgemlName());
        }
        m.put("update", model.cell().update().edgemlName());
        List<Object> tensors = new ArrayList<>();
        for (NamedMatrix t : model.trainedTensors()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", t.name());
            e.put("shape", List.of(t.matrix().rows(), t.matrix().cols()));
            e.put("parameters", t.matrix().size());
            e.put("nonZeros", t.matrix().nonZeros());
            tensors.add(e);
        }
        for (NamedScalar s : model.cell().scalars()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.name());
            e.put("shape", List.of(1, 1));
            e.put("parameters", 1);
            e.put("nonZeros", s.value() == 0 ? 0 : 1);
            tensors.add(e);
        }
        m.put("tensors", tensors);
        m.put("parameters", model.parameters());
        m.put("nonZeros", nonZeros(model));
        m.put("normalizerValues", 2 * model.features());
        m.put("floatBytes", (long) Float.BYTES * model.parameters());
        return m;
    }

    private static Object rank(LinearMap map) {
        return map.rank().isPresent() ? (Object) map.rank().getAsInt() : "full";
    }

    private static int nonZeros(Model model) {
        int n = model.trainedTensors().stream().mapToInt(t -> t.matrix().nonZeros()).sum();
        for (NamedScalar s : model.cell().scalars()) {
            n += s.value() == 0 ? 0 : 1;
        }
        return n;
    }

    /** The same facts as lines of text. */
    @SuppressWarnings("unchecked")
    public static String text(Model model) {
        Map<String, Object> m = of(model);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "model %s: %s, %s steps x %s inputs, hidden %s, %s classes%n", m.get("model"),
                m.get("cell"), m.get("timesteps"), m.get("inputDims"), m.get("hiddenDims"), m.get("numClasses")));
        b.append(String.format(Locale.ROOT, "  rank W %s, rank U %s; %s%n", m.get("wRank"), m.get("uRank"),
                m.containsKey("gate") ? "gate " + m.get("gate") + ", update " + m.get("update")
                        : "update " + m.get("update")));
        b.append(String.format(Locale.ROOT, "  %-8s %-12s %10s %10s%n", "tensor", "shape", "params", "non-zeros"));
        for (Object o : (List<Object>) m.get("tensors")) {
            Map<String, Object> t = (Map<String, Object>) o;
            List<Integer> s = (List<Integer>) t.get("shape");
            b.append(String.format(Locale.ROOT, "  %-8s %-12s %10s %10s%n", t.get("name"), s.get(0) + "x" + s.get(1),
                    t.get("parameters"), t.get("nonZeros")));
        }
        b.append(String.format(Locale.ROOT, "  total: %s parameters, %s non-zero; %s bytes as float32 (normaliser: %s more"
                + " values)%n", m.get("parameters"), m.get("nonZeros"), m.get("floatBytes"), m.get("normalizerValues")));
        return b.toString();
    }
}
