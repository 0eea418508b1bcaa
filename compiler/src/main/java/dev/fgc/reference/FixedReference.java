package dev.fgc.reference;

import dev.fgc.quantize.FixedKernels;
import dev.fgc.quantize.FixedPlan;
import dev.fgc.quantize.FixedPlan.Op;
import dev.fgc.quantize.QTensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The fixed-point reference: executes a {@link FixedPlan} with the Java mirror of the C kernels,
 * exactly as docs/fixed-point.md specifies. It is the oracle of every fixed-point verification:
 * the device must reproduce its integers bit for bit.
 */
public final class FixedReference {
    private final FixedPlan plan;
    /** Each constant's integers, copied once: QTensor hands out copies. */
    private final Map<QTensor, int[]> constants = new IdentityHashMap<>();

    public FixedReference(FixedPlan plan) {
        this.plan = plan;
        plan.constants().forEach(c -> constants.put(c, c.values()));
    }

    public FixedPlan plan() {
        return plan;
    }

    /** Raw features as the device receives them: q15 in the plan's input format (§4). */
    public int[] quantizeInputs(double[] raw) {
        int[] q = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            q[i] = plan.input().quantize(raw[i]);
        }
        return q;
    }

    /** Integer scores, in the plan's score format, of one example's quantized features. */
    public int[] scores(int[] features) {
        Sequence s = new Sequence();
        int in = plan.model().inputs();
        for (int t = 0; t < plan.model().timesteps(); t++) {
            s.step(Arrays.copyOfRange(features, t * in, (t + 1) * in));
        }
        return s.scores();
    }

    public Sequence start() {
        return new Sequence();
    }

    /** The index of the largest score, the first on a tie (§3.8). */
    public static int argmax(int[] scores) {
        return FixedKernels.argmaxQ31(scores);
    }

    /** One example's state: the q15 hidden vector and the index of the next step. */
    public final class Sequence {
        private int[] h = new int[plan.model().hidden()];
        private int t;

        public int[] hidden() {
            return h.clone();
        }

        public void step(int[] x) {
            if (t >= plan.model().timesteps()) {
                throw new IllegalStateException("the sequence already has all its steps");
            }
            Map<String, int[]> buffers = new HashMap<>();
            buffers.put(FixedPlan.INPUT, x.clone());
            buffers.put(FixedPlan.HIDDEN, h);
            for (Op op : plan.step()) {
                execute(op, buffers);
            }
            h = buffers.get(FixedPlan.HIDDEN);
            t++;
        }

        public int[] scores() {
            Map<String, int[]> buffers = new HashMap<>();
            buffers.put(FixedPlan.HIDDEN, h);
            for (Op op : plan.classifier()) {
                execute(op, buffers);
            }
            return buffers.get(FixedPlan.SCORES);
        }

        private void execute(Op op, Map<String, int[]> b) {
            if (op instanceof FixedPlan.Normalize n) {
                int in = plan.model().inputs();
                b.put(n.out(), FixedKernels.normalizeQ15(b.get(n.in()), slice(n.mean(), t * in, in),
                        slice(n.invStd(), t * in, in), n.shift()));
            } else if (op instanceof FixedPlan.MatVec m) {
                b.put(m.out(), matvec(m, b));
            } else if (op instanceof FixedPlan.Narrow n) {
                b.put(n.out(), FixedKernels.narrowQ15(b.get(n.in())));
            } else if (op instanceof FixedPlan.BiasQ15 n) {
                b.put(n.out(), FixedKernels.biasQ15(b.get(n.in()), constants.get(n.bias())));
            } else if (op instanceof FixedPlan.Activation a) {
                b.put(a.buffer(), activation(a, b.get(a.buffer())));
            } else if (op instanceof FixedPlan.GrnnBlend g) {
                b.put(FixedPlan.HIDDEN, FixedKernels.fastgrnnBlendQ15(b.get(g.z()), g.zFrac(), b.get(g.c()), g.cFrac(),
                        g.zeta(), g.nu(), g.hFrac(), b.get(FixedPlan.HIDDEN)));
            } else if (op instanceof FixedPlan.RnnBlend r) {
                b.put(FixedPlan.HIDDEN, FixedKernels.fastrnnBlendQ15(b.get(r.c()), r.cFrac(), r.alpha(), r.beta(),
                        r.hFrac(), b.get(FixedPlan.HIDDEN)));
            } else if (op instanceof FixedPlan.BiasQ31 n) {
                b.put(n.buffer(), FixedKernels.biasQ31(b.get(n.buffer()), constants.get(n.bias())));
            } else {
                throw new IllegalStateException("unknown op " + op);
            }
        }
    }

    private int[] matvec(FixedPlan.MatVec m, Map<String, int[]> b) {
        QTensor t = m.matrix();
        int[] w = constants.get(t);
        int[] v = b.get(m.in());
        boolean w8 = t.format().bits() == 8;
        if (m.accumulate()) {
            int[] acc = b.get(m.out());
            return w8 ? FixedKernels.matvecAccQ7Q15(w, v, t.rows(), t.cols(), m.shift(), acc)
                    : FixedKernels.matvecAccQ15Q15(w, v, t.rows(), t.cols(), m.shift(), acc);
        }
        return w8 ? FixedKernels.matvecQ7Q15(w, v, t.rows(), t.cols(), m.shift())
                : FixedKernels.matvecQ15Q15(w, v, t.rows(), t.cols(), m.shift());
    }

    private static int[] activation(FixedPlan.Activation a, int[] x) {
        return switch (a.nonlinearity()) {
            case SIGMOID -> FixedKernels.sigmoidQ15(x, a.frac());
            case TANH -> FixedKernels.tanhQ15(x, a.frac());
            case RELU -> FixedKernels.reluQ15(x, a.frac());
            case QUANT_SIGM -> FixedKernels.quantSigmQ15(x, a.frac());
            case QUANT_SIGM4 -> FixedKernels.quantSigm4Q15(x, a.frac());
            case QUANT_TANH -> FixedKernels.quantTanhQ15(x, a.frac());
        };
    }

    private int[] slice(QTensor t, int from, int length) {
        return Arrays.copyOfRange(constants.get(t), from, from + length);
    }
}
