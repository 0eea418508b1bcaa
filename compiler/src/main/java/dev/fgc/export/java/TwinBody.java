package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What differs between a float and a fixed-point twin: value types, constants, the step's and
 * the classifier's code, and how raw features become inputs. {@link JavaTwinEmitter} wraps it in
 * the API every twin shares.
 */
interface TwinBody {
    /** Element type of the inputs and of the hidden state: {@code short} (q15) or {@code float}. */
    TypeName value();

    /** Element type of the scores: {@code int} (q31) or {@code float}. */
    TypeName score();

    /** Public constants beyond the dimensions (the fixed-point formats). */
    List<FieldSpec> publicConstants();

    /** Per-instance scratch arrays of one step. */
    List<FieldSpec> scratch();

    /** One step, with {@code x} (the raw inputs), {@code offset} (t · inputs) and {@code h} in scope. */
    CodeBlock step();

    /** Writes {@code scores} from {@code h} and returns the predicted class. */
    CodeBlock scores();

    /** An expression turning {@code double raw} into one input value. */
    CodeBlock input(String raw);

    /** Public helpers beyond the shared API (input quantization, score scale). */
    List<MethodSpec> helpers();

    ConstantPool pool();

    TwinKernels kernels();

    /** One line for the class comment: precision and where the arithmetic is specified. */
    String describe();
}
