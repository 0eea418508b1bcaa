package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What differs between a float and a fixed-point twin: value types, constants, the step's and
 * the classifier's code, and how raw features become inputs. {@link JavaTwinEmitter} wraps it in
 * the API every twin shares. A subclass fills the pool and the kernels while it writes the code.
 */
abstract class TwinBody {
    final ConstantPool pool = new ConstantPool();
    final TwinKernels kernels = new TwinKernels();
    /** Set by the subclass's constructor. */
    CodeBlock step;
    CodeBlock scores;

    /** Element type of the inputs and of the hidden state: {@code short} (q15) or {@code float}. */
    abstract TypeName value();

    /** Element type of the scores: {@code int} (q31) or {@code float}. */
    abstract TypeName score();

    /** Public constants beyond the dimensions (the fixed-point formats). */
    abstract List<FieldSpec> publicConstants();

    /** Per-instance scratch arrays of one step. */
    abstract List<FieldSpec> scratch();

    /** One step, with {@code x} (the raw inputs), {@code offset} (t · inputs) and {@code h} in scope. */
    final CodeBlock step() {
        return step;
    }

    /** Writes {@code scores} from {@code h} and returns the predicted class. */
    final CodeBlock scores() {
        return scores;
    }

    /** An expression turning {@code double raw} into one input value. */
    abstract CodeBlock input(String raw);

    /** Public helpers beyond the shared API (input quantization, score scale). */
    abstract List<MethodSpec> helpers();

    /** A line for the class comment: the precision and where the arithmetic is specified. */
    abstract String describe();
}
