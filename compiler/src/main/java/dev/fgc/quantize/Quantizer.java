package dev.fgc.quantize;

import dev.fgc.UserError;
import dev.fgc.model.Cell;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.model.Nonlinearity;
import dev.fgc.quantize.FixedPlan.Buffer;
import dev.fgc.quantize.FixedPlan.Kind;
import dev.fgc.quantize.FixedPlan.Op;
import dev.fgc.reference.FloatReference.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Chooses every format of docs/fixed-point.md §5 from a range profile and lays out the kernel
 * calls of §3.7 as a {@link FixedPlan}. Weight matrices take 8 or 16 bits as {@code weightBits}
 * says (by EdgeML name); biases, the normaliser and every activation are 16-bit.
 */
public final class Quantizer {
    /** Calibrated ranges get this much room for data the calibration set did not show. */
    public static final double CALIBRATION_HEADROOM = 1.1;
    private static final int ACTIVATION_MAX_FRAC = 15;
    private static final int Q14 = 14;

    private final Model model;
    private final RangeProfile ranges;
    private final ToIntFunction<String> weightBits;
    private final double headroom;
    private final List<Op> step = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>();
    private final List<QTensor> constants = new ArrayList<>();
    private final Map<String, QFormat> formats = new LinkedHashMap<>();

    private Quantizer(Model model, RangeProfile ranges, ToIntFunction<String> weightBits) {
        this.model = model;
        this.ranges = ranges;
        this.weightBits = weightBits;
        this.headroom = ranges.calibrated() ? CALIBRATION_HEADROOM : 1.0;
    }

    /** Every weight matrix at the precision's width. */
    public static FixedPlan quantize(Model model, RangeProfile ranges, Precision precision) {
        if (!precision.isFixedPoint()) {
            throw new IllegalArgumentException("float needs no quantization");
        }
        int bits = precision == Precision.INT8 ? 8 : 16;
        return quantize(model, ranges, name -> bits);
    }

    public static FixedPlan quantize(Model model, RangeProfile ranges, ToIntFunction<String> weightBits) {
        return new Quantizer(model, ranges, weightBits).plan();
    }

    private FixedPlan plan() {
        Cell cell = model.cell();
        QFormat input = normalize();
        QFormat xn = formats.get(Probe.NORMALIZED);
        QFormat hidden = activation(Probe.HIDDEN);

        Projection w = projection(cell.w(), "xn", xn, "w_low", Probe.W_LOW);
        Projection u = projection(cell.u(), FixedPlan.HIDDEN, hidden, "u_low", Probe.U_LOW);
        double preBound = Math.max(ranges.bound(Probe.PRE), Math.max(bound(Probe.GATE_IN), bound(Probe.UPDATE_IN)));
        for (NamedMatrix b : cell.biases()) {
            preBound = Math.max(preBound, maxAbs(b.matrix().values()));
        }
        int fp = Math.min(QFormat.fit(preBound * headroom, 16, ACTIVATION_MAX_FRAC).frac(),
                Math.min(w.outFracLimit(), u.outFracLimit()));
        QFormat pre = new QFormat(fp, 16);
        buffers.add(new Buffer("pre", Kind.Q31, model.hidden()));
        w.emit(pre, false);
        u.emit(pre, true);
        formats.put(Probe.PRE, pre);

        if (cell instanceof FastGrnnCell g) {
            int fz = gateStage(g.gate(), g.bg(), pre, "z", Probe.GATE_IN, Probe.GATE);
            int fc = gateStage(g.update(), g.bh(), pre, "c", Probe.UPDATE_IN, Probe.UPDATE);
            requireBlendShift(fc, hidden);
            boolean wide = g.gate() == Nonlinearity.RELU; // §3.5: int32 is safe for any c once |z| ≤ 1
            step.add(new FixedPlan.GrnnBlend("z", fz, "c", fc, q14(g.zeta().sigmoid()), q14(g.nu().sigmoid()),
                    hidden.frac(), wide));
        } else if (cell instanceof FastRnnCell r) {
            int fc = gateStage(r.update(), r.b(), pre, "c", Probe.UPDATE_IN, Probe.UPDATE);
            requireBlendShift(fc, hidden);
            step.add(new FixedPlan.RnnBlend("c", fc, q14(r.alpha().sigmoid()), q14(r.beta().sigmoid()),
                    hidden.frac(), false));
        }
        formats.put(Probe.HIDDEN, hidden);

        List<Op> classifier = new ArrayList<>();
        QTensor fc = matrix(model.classifier().fc());
        int accFrac = fc.format().frac() + hidden.frac();
        int fo = Math.min(accFrac, QFormat.fit(ranges.bound(Probe.SCORES) * headroom, 32, QFormat.MAX_FRAC).frac());
        QFormat scores = new QFormat(fo, 32);
        checkAccumulator(fc);
        classifier.add(new FixedPlan.MatVec(fc, FixedPlan.HIDDEN, FixedPlan.SCORES, accFrac - fo, false));
        NamedMatrix bias = model.classifier().bias();
        QTensor fcBias = QTensor.of(bias.name(), 1, bias.matrix().size(), bias.matrix().values(), scores);
        constants.add(fcBias);
        classifier.add(new FixedPlan.BiasQ31(FixedPlan.SCORES, fcBias));
        formats.put(Probe.SCORES, scores);
        return new FixedPlan(model, input, hidden, scores, List.copyOf(buffers), List.copyOf(step),
                List.copyOf(classifier), List.copyOf(constants), Map.copyOf(formats), ranges);
    }

    /** §3.1: the raw input's format, 1/std's, and the normalised input's. */
    private QFormat normalize() {
        double[] mean = model.normalizer().mean().values();
        double[] std = model.normalizer().std().values();
        double[] inv = new double[std.length];
        for (int i = 0; i < std.length; i++) {
            inv[i] = 1.0 / std[i];
        }
        QFormat input = QFormat.fit(Math.max(ranges.bound(Probe.INPUT), maxAbs(mean)) * headroom, 16,
                QFormat.MAX_FRAC);
        QFormat invFormat = QFormat.fit(maxAbs(inv), 16, QFormat.MAX_FRAC);
        QFormat xn = activation(Probe.NORMALIZED);
        int fx = Math.min(xn.frac(), input.frac() + invFormat.frac());
        xn = new QFormat(fx, 16);
        QTensor meanQ = QTensor.of("mean", 1, mean.length, mean, input);
        QTensor invQ = QTensor.of("inv_std", 1, inv.length, inv, invFormat);
        constants.add(meanQ);
        constants.add(invQ);
        buffers.add(new Buffer("xn", Kind.Q15, model.inputs()));
        step.add(new FixedPlan.Normalize(FixedPlan.INPUT, "xn", meanQ, invQ, input.frac() + invFormat.frac() - fx));
        formats.put(Probe.INPUT, input);
        formats.put(Probe.NORMALIZED, xn);
        return input;
    }

    /** A q15 activation's format from its range, at most Q15. */
    private QFormat activation(String point) {
        return QFormat.fit(ranges.bound(point) * headroom, 16, ACTIVATION_MAX_FRAC);
    }

    private double bound(String point) {
        return ranges.has(point) ? ranges.bound(point) : 0;
    }

    /** Bias, then the nonlinearity in place; returns the output's fractional bits. */
    private int gateStage(Nonlinearity nl, NamedMatrix bias, QFormat pre, String buffer, String inPoint,
                          String outPoint) {
        QTensor b = QTensor.of(bias.name(), 1, bias.matrix().size(), bias.matrix().values(), pre);
        constants.add(b);
        buffers.add(new Buffer(buffer, Kind.Q15, model.hidden()));
        step.add(new FixedPlan.BiasQ15("pre", b, buffer));
        step.add(new FixedPlan.Activation(nl, buffer, pre.frac()));
        int out = nl == Nonlinearity.RELU ? pre.frac() : Q14;
        formats.put(inPoint, pre);
        formats.put(outPoint, new QFormat(out, 16));
        return out;
    }

    private void requireBlendShift(int fc, QFormat hidden) {
        if (Q14 + fc - hidden.frac() < 0) {
            throw new UserError("model '" + model.name() + "': the update's range forces format Q" + fc
                    + ", too coarse for the hidden state's Q" + hidden.frac() + " (docs/fixed-point.md §3.5)");
        }
    }

    private static int q14(double v) {
        return FixedKernels.quantize(v, Q14, 16);
    }

    private QTensor matrix(NamedMatrix m) {
        int bits = weightBits.applyAsInt(m.name());
        Matrix t = m.matrix().transpose();
        QFormat f = QFormat.fit(maxAbs(t.values()), bits, QFormat.MAX_FRAC);
        QTensor q = QTensor.of(m.name(), t.rows(), t.cols(), t.values(), f);
        constants.add(q);
        return q;
    }

    /** §3.2: an int8 matrix's exact int32 sum must not overflow for any q15 input. */
    private void checkAccumulator(QTensor m) {
        if (m.format().bits() != 8) {
            return;
        }
        for (int r = 0; r < m.rows(); r++) {
            long sum = 0;
            for (int c = 0; c < m.cols(); c++) {
                sum += Math.abs(m.value(r * m.cols() + c));
            }
            // The kernels' rounding shift adds nothing that could overflow (§2), so the sum is the bound.
            if (32768L * sum > Integer.MAX_VALUE) {
                throw new UserError("model '" + model.name() + "': matrix " + m.name() + " row " + r
                        + " is too wide for an int32 accumulator at int8; use --precision int16");
            }
        }
    }

    private Projection projection(LinearMap map, String in, QFormat inFormat, String low, String lowPoint) {
        if (map instanceof LinearMap.LowRank lr) {
            QTensor first = matrix(lr.first());
            QFormat lowFormat = activation(lowPoint);
            int fl = Math.min(lowFormat.frac(), first.format().frac() + inFormat.frac());
            QFormat lf = new QFormat(fl, 16);
            formats.put(lowPoint, lf);
            buffers.add(new Buffer(low + "_acc", Kind.Q31, first.rows()));
            buffers.add(new Buffer(low, Kind.Q15, first.rows()));
            checkAccumulator(first);
            step.add(new FixedPlan.MatVec(first, in, low + "_acc", first.format().frac() + inFormat.frac() - fl, false));
            step.add(new FixedPlan.Narrow(low + "_acc", low));
            return new Projection(matrix(lr.second()), low, lf);
        }
        return new Projection(matrix(map.factors().get(0)), in, inFormat);
    }

    /** The last product of a projection, emitted once the pre-activation's format is known. */
    private final class Projection {
        private final QTensor matrix;
        private final String in;
        private final QFormat inFormat;

        Projection(QTensor matrix, String in, QFormat inFormat) {
            this.matrix = matrix;
            this.in = in;
            this.inFormat = inFormat;
        }

        int outFracLimit() {
            return matrix.format().frac() + inFormat.frac();
        }

        void emit(QFormat out, boolean accumulate) {
            int shift = outFracLimit() - out.frac();
            checkAccumulator(matrix);
            step.add(new FixedPlan.MatVec(matrix, in, "pre", shift, accumulate));
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
