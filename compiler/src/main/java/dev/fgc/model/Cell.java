package dev.fgc.model;

import java.util.List;

/** A recurrent cell: {@code pre = x·W + h·U}, then a cell-specific gated update of h. */
public sealed interface Cell permits FastGrnnCell, FastRnnCell {

    CellKind kind();

    LinearMap w();

    LinearMap u();

    /** The update nonlinearity (FastGRNN's c, FastRNN's candidate). */
    Nonlinearity update();

    /** Bias vectors, 1×hidden, with their EdgeML names. */
    List<NamedMatrix> biases();

    /** Raw scalars (before the sigmoid the cell applies), with their EdgeML names. */
    List<NamedScalar> scalars();

    default int inputs() {
        return w().inputs();
    }

    default int hidden() {
        return u().outputs();
    }
}
