package dev.fgc.reference;

import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.Model;

/**
 * The float reference: the cells' equations in double arithmetic, the oracle for float firmware
 * and the yardstick for every quantized one. Streaming, like the generated C: start a
 * {@link Sequence}, feed raw timesteps, read the scores.
 */
public final class FloatReference {
    private final Model model;

    public FloatReference(Model model) {
        this.model = model;
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
            double[] x = normalise(raw, t);
            Cell cell = model.cell();
            double[] pre = add(cell.w().apply(x), cell.u().apply(h));
            h = update(cell, pre);
            t++;
        }

        public double[] scores() {
            double[] logits = model.classifier().fc().matrix().leftMultiply(h);
            return add(logits, model.classifier().bias().matrix().values());
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
                double[] bg = g.bg().matrix().values();
                double[] bh = g.bh().matrix().values();
                double zeta = g.zeta().sigmoid();
                double nu = g.nu().sigmoid();
                for (int i = 0; i < next.length; i++) {
                    double z = g.gate().apply(pre[i] + bg[i]);
                    double c = g.update().apply(pre[i] + bh[i]);
                    next[i] = z * h[i] + (zeta * (1.0 - z) + nu) * c;
                }
            } else if (cell instanceof FastRnnCell r) {
                double[] b = r.b().matrix().values();
                double alpha = r.alpha().sigmoid();
                double beta = r.beta().sigmoid();
                for (int i = 0; i < next.length; i++) {
                    next[i] = beta * h[i] + alpha * r.update().apply(pre[i] + b[i]);
                }
            } else {
                throw new IllegalStateException("unknown cell " + cell.kind());
            }
            return next;
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
