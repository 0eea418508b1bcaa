package dev.fgc.reference;

import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;

/**
 * The float reference: the cells' equations in double arithmetic, the oracle for float firmware
 * and the yardstick for every quantized one. Streaming, like the generated C: start a
 * {@link Sequence}, feed raw timesteps, read the scores.
 */
public final class FloatReference {
    private final Model model;
    private final Probe probe;

    /**
     * Sees every intermediate vector as it is computed, by the names of {@link Probe}; calibration
     * uses it to measure ranges.
     */
    public interface Probe {
        String INPUT = "input";
        String NORMALIZED = "xn";
        String W_LOW = "w_low";
        String U_LOW = "u_low";
        String PRE = "pre";
        String GATE_IN = "z_in";
        String UPDATE_IN = "c_in";
        String GATE = "z";
        String UPDATE = "c";
        String HIDDEN = "h";
        String SCORES = "scores";

        void record(String point, double[] values);
    }

    public FloatReference(Model model) {
        this(model, (point, values) -> { });
    }

    public FloatReference(Model model, Probe probe) {
        this.model = model;
        this.probe = probe;
    }

    public Model model() {
        return model;
    }

    /** Logits for one example's raw features (timesteps × inputs, time-major). */
    public double[] scores(double[] rawFeatures) {
        if (rawFeatures.length != model.features()) {
            throw new IllegalArgumentException("example has " + rawFeatures.length + " features, model reads "
                    + model.features());
        }
        Sequence seq = start();
        int in = model.inputs();
        for (int t = 0; t < model.timesteps(); t++) {
            double[] step = new double[in];
            System.arraycopy(rawFeatures, t * in, step, 0, in);
            seq.step(step);
        }
        return seq.scores();
    }

    public Sequence start() {
        return new Sequence();
    }

    /** The index of the largest score; the first one on a tie, as the C runtime does. */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** One example's state: the hidden vector and the index of the next timestep. */
    public final class Sequence {
        private double[] h = new double[model.hidden()];
        private int t;

        public int timestep() {
            return t;
        }

        public double[] hidden() {
            return h.clone();
        }

        public void step(double[] raw) {
            if (t >= model.timesteps()) {
                throw new IllegalStateException("the sequence already has all " + model.timesteps() + " steps");
            }
            probe.record(Probe.INPUT, raw);
            double[] x = normalise(raw, t);
            probe.record(Probe.NORMALIZED, x);
            Cell cell = model.cell();
            double[] pre = add(project(cell.w(), x, Probe.W_LOW), project(cell.u(), h, Probe.U_LOW));
            probe.record(Probe.PRE, pre);
            h = update(cell, pre);
            probe.record(Probe.HIDDEN, h);
            t++;
        }

        public double[] scores() {
            double[] logits = model.classifier().fc().matrix().leftMultiply(h);
            double[] scores = add(logits, model.classifier().bias().matrix().values());
            probe.record(Probe.SCORES, scores);
            return scores;
        }

        /** x·W, through the rank-sized intermediate for a factored map. */
        private double[] project(LinearMap map, double[] x, String lowPoint) {
            if (map instanceof LinearMap.LowRank lr) {
                double[] low = lr.first().matrix().leftMultiply(x);
                probe.record(lowPoint, low);
                return lr.second().matrix().leftMultiply(low);
            }
            return map.apply(x);
        }

        private double[] normalise(double[] raw, int step) {
            int in = model.inputs();
            double[] mean = model.normalizer().mean().values();
            double[] std = model.normalizer().std().values();
            double[] x = new double[in];
            for (int i = 0; i < in; i++) {
                x[i] = (raw[i] - mean[step * in + i]) / std[step * in + i];
            }
            return x;
        }

        private double[] update(Cell cell, double[] pre) {
            double[] next = new double[h.length];
            if (cell instanceof FastGrnnCell g) {
                double[] zIn = add(pre, g.bg().matrix().values());
                double[] cIn = add(pre, g.bh().matrix().values());
                double[] z = apply(g.gate(), zIn);
                double[] c = apply(g.update(), cIn);
                record(zIn, cIn, z, c);
                double zeta = g.zeta().sigmoid();
                double nu = g.nu().sigmoid();
                for (int i = 0; i < next.length; i++) {
                    next[i] = z[i] * h[i] + (zeta * (1.0 - z[i]) + nu) * c[i];
                }
            } else if (cell instanceof FastRnnCell r) {
                double[] cIn = add(pre, r.b().matrix().values());
                double[] c = apply(r.update(), cIn);
                record(null, cIn, null, c);
                double alpha = r.alpha().sigmoid();
                double beta = r.beta().sigmoid();
                for (int i = 0; i < next.length; i++) {
                    next[i] = beta * h[i] + alpha * c[i];
                }
            } else {
                throw new IllegalStateException("unknown cell " + cell.kind());
            }
            return next;
        }
    }

    private void record(double[] zIn, double[] cIn, double[] z, double[] c) {
        if (zIn != null) {
            probe.record(Probe.GATE_IN, zIn);
            probe.record(Probe.GATE, z);
        }
        probe.record(Probe.UPDATE_IN, cIn);
        probe.record(Probe.UPDATE, c);
    }

    private static double[] apply(Nonlinearity nl, double[] v) {
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = nl.apply(v[i]);
        }
        return y;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
