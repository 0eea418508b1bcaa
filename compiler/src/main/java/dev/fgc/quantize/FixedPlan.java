package dev.fgc.quantize;

import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import java.util.List;
import java.util.Map;

/**
 * A quantized model as a straight-line program: the kernel calls of one step and of the
 * classifier, over named buffers, with every format and shift fixed. The Java fixed-point
 * reference executes it and the C template prints it, so both run the same composition.
 */
public record FixedPlan(Model model, QFormat input, QFormat hidden, QFormat scores, List<Buffer> buffers,
                        List<Op> step, List<Op> classifier, List<QTensor> constants,
                        Map<String, QFormat> activationFormats, RangeProfile ranges) {

    /** Names the C template maps to the caller's data rather than to local arrays. */
    public static final String INPUT = "x";
    public static final String HIDDEN = "h";
    public static final String SCORES = "scores";

    public enum Kind { Q15, Q31 }

    /** A local array of the step. */
    public record Buffer(String name, Kind kind, int length) {
    }

    /** One kernel call (docs/fixed-point.md §3). */
    public sealed interface Op permits Normalize, MatVec, Narrow, BiasQ15, Activation, GrnnBlend, RnnBlend,
            BiasQ31 {
    }

    /** §3.1: {@code out = normalize(in)} with the step's slice of mean and 1/std. */
    public record Normalize(String in, String out, QTensor mean, QTensor invStd, int shift) implements Op {
    }

    /** §3.2: {@code out (+)= rshift(m·in, shift)}. */
    public record MatVec(QTensor matrix, String in, String out, int shift, boolean accumulate) implements Op {
    }

    /** §3.3: {@code out = sat16(in)}. */
    public record Narrow(String in, String out) implements Op {
    }

    /** §3.3: {@code out = sat16(in + bias)}. */
    public record BiasQ15(String in, QTensor bias, String out) implements Op {
    }

    /** §3.4, in place: {@code buffer = nl(buffer)} from Q(frac). */
    public record Activation(Nonlinearity nonlinearity, String buffer, int frac) implements Op {
    }

    /** §3.5 on the hidden state. */
    public record GrnnBlend(String z, int zFrac, String c, int cFrac, int zeta, int nu, int hFrac, boolean wide)
            implements Op {
    }

    /** §3.6 on the hidden state. */
    public record RnnBlend(String c, int cFrac, int alpha, int beta, int hFrac, boolean wide) implements Op {
    }

    /** §3.8, in place: {@code buffer = sat32(buffer + bias)}. */
    public record BiasQ31(String buffer, QTensor bias) implements Op {
    }
}
