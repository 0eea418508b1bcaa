package dev.fgc.quantize;

import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.model.Nonlinearity;
import dev.fgc.reference.FloatReference.Probe;
import java.util.HashMap;
import java.util.Map;

/**
 * Conservative ranges without data (docs/fixed-point.md §5): raw inputs within mean ± 8·std,
 * interval arithmetic through every product, and the hidden state's bound iterated over the steps.
 */
public final class StaticBounds {
    /** Normalised inputs are assumed within ±8 standard deviations. */
    public static final double INPUT_SIGMAS = 8.0;

    private final Map<String, Double> max = new HashMap<>();

    private StaticBounds() {
    }

    public static RangeProfile of(Model model) {
        StaticBounds b = new StaticBounds();
        b.run(model);
        return new RangeProfile(b.max, "conservative bound (no --calibrate): inputs within mean ± "
                + (int) INPUT_SIGMAS + "·std, interval arithmetic over " + model.timesteps() + " steps", false);
    }

    private void run(Model model) {
        double[] mean = model.normalizer().mean().values();
        double[] std = model.normalizer().std().values();
        double input = 0;
        for (int i = 0; i < mean.length; i++) {
            input = Math.max(input, Math.abs(mean[i]) + INPUT_SIGMAS * std[i]);
        }
        note(Probe.INPUT, input);
        double[] xn = filled(model.inputs(), INPUT_SIGMAS);
        note(Probe.NORMALIZED, INPUT_SIGMAS);
        Cell cell = model.cell();
        double[] fromInput = project(cell.w(), xn, Probe.W_LOW);
        double[] h = new double[model.hidden()];
        for (int t = 0; t < model.timesteps(); t++) {
            double[] pre = add(fromInput, project(cell.u(), h, Probe.U_LOW));
            note(Probe.PRE, pre);
            h = step(cell, pre, h);
            note(Probe.HIDDEN, h);
        }
        NamedMatrix bias = model.classifier().bias();
        note(Probe.SCORES, add(absProduct(h, model.classifier().fc().matrix()), abs(bias.matrix().values())));
    }

    private double[] step(Cell cell, double[] pre, double[] h) {
        double[] next = new double[h.length];
        if (cell instanceof FastGrnnCell g) {
            double[] zIn = add(pre, abs(g.bg().matrix().values()));
            double[] cIn = add(pre, abs(g.bh().matrix().values()));
            note(Probe.GATE_IN, zIn);
            note(Probe.UPDATE_IN, cIn);
            double[] z = through(g.gate(), zIn, Probe.GATE);
            double[] c = through(g.update(), cIn, Probe.UPDATE);
            double zeta = g.zeta().sigmoid();
            double nu = g.nu().sigmoid();
            boolean unitGate = g.gate() != Nonlinearity.TANH && g.gate() != Nonlinearity.RELU;
            for (int i = 0; i < h.length; i++) {
                // For z in [0, 1] the update is a convex mix of h and ζ·c plus ν·c.
                next[i] = unitGate ? Math.max(h[i], zeta * c[i]) + nu * c[i]
                        : z[i] * h[i] + (zeta * (1 + z[i]) + nu) * c[i];
            }
        } else if (cell instanceof FastRnnCell r) {
            double[] cIn = add(pre, abs(r.b().matrix().values()));
            note(Probe.UPDATE_IN, cIn);
            double[] c = through(r.update(), cIn, Probe.UPDATE);
            for (int i = 0; i < h.length; i++) {
                next[i] = r.beta().sigmoid() * h[i] + r.alpha().sigmoid() * c[i];
            }
        }
        return next;
    }

    private double[] through(Nonlinearity nl, double[] in, String point) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = nl == Nonlinearity.RELU ? in[i] : 1.0;
        }
        note(point, out);
        return out;
    }

    private double[] project(LinearMap map, double[] bound, String lowPoint) {
        if (map instanceof LinearMap.LowRank lr) {
            double[] low = absProduct(bound, lr.first().matrix());
            note(lowPoint, low);
            return absProduct(low, lr.second().matrix());
        }
        return absProduct(bound, map.factors().get(0).matrix());
    }

    /** Bound of x·M for |x_i| ≤ b_i. */
    private static double[] absProduct(double[] b, Matrix m) {
        double[] y = new double[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                y[c] += b[r] * Math.abs(m.get(r, c));
            }
        }
        return y;
    }

    private void note(String point, double[] v) {
        for (double x : v) {
            note(point, x);
        }
    }

    private void note(String point, double v) {
        max.merge(point, v, Math::max);
    }

    private static double[] abs(double[] v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        return a;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
