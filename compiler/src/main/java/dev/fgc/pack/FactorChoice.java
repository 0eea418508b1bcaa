package dev.fgc.pack;

import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a low-rank projection factored (x·W1·W2) unless its product W = W1·W2 is both smaller and
 * cheaper to apply; decided per projection from the non-zeros each form would store and multiply.
 */
public final class FactorChoice {

    /** The decision for one projection, for reports. */
    public record Decision(String map, boolean factored, long factoredValues, long productValues) {
        public String describe() {
            return map + ": " + (factored ? "kept factored" : "multiplied out") + " (" + factoredValues
                    + " non-zeros factored, " + productValues + " as a product)";
        }
    }

    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private final Model model;

    private FactorChoice(Model model) {
        this.model = model;
    }

    public static FactorChoice of(Model model) {
        FactorChoice c = new FactorChoice(model);
        c.decide("W", model.cell().w());
        c.decide("U", model.cell().u());
        return c;
    }

    /** In the order decided, W then U, on every run (Map.copyOf's order changes from one JVM to the next). */
    public Map<String, Decision> decisions() {
        return Collections.unmodifiableMap(decisions);
    }

    /** The model with every projection in its chosen form. */
    public Model apply() {
        Cell cell = model.cell();
        LinearMap w = chosen("W", cell.w());
        LinearMap u = chosen("U", cell.u());
        if (w == cell.w() && u == cell.u()) {
            return model;
        }
        Cell next;
        if (cell instanceof FastGrnnCell g) {
            next = new FastGrnnCell(w, u, g.bg(), g.bh(), g.zeta(), g.nu(), g.gate(), g.update());
        } else {
            FastRnnCell r = (FastRnnCell) cell;
            next = new FastRnnCell(w, u, r.b(), r.alpha(), r.beta(), r.update());
        }
        return new Model(model.name(), next, model.timesteps(), model.normalizer(), model.classifier());
    }

    private void decide(String name, LinearMap map) {
        if (!(map instanceof LinearMap.LowRank lr)) {
            return;
        }
        long factored = storedValues(lr.first().matrix()) + storedValues(lr.second().matrix());
        long product = storedValues(product(lr));
        // The product must win on both counts: size (stored values) and work (multiplications).
        decisions.put(name, new Decision(name, !(product < factored), factored, product));
    }

    private LinearMap chosen(String name, LinearMap map) {
        Decision d = decisions.get(name);
        if (d == null || d.factored()) {
            return map;
        }
        return new LinearMap.Dense(new NamedMatrix(name, product((LinearMap.LowRank) map)));
    }

    /** Values a matrix must store and multiply at least: its non-zeros (a sparse layout keeps only those). */
    private static long storedValues(Matrix m) {
        return m.nonZeros();
    }

    private static Matrix product(LinearMap.LowRank lr) {
        return lr.first().matrix().multiply(lr.second().matrix());
    }
}
