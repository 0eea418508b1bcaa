package dev.fgc.model;

import java.util.List;

/** {@code h = σ(beta)·h + σ(alpha)·update(pre + B)}. */
public record FastRnnCell(LinearMap w, LinearMap u, NamedMatrix b,
                          NamedScalar alpha, NamedScalar beta,
                          Nonlinearity update) implements Cell {

    @Override
    public CellKind kind() {
        return CellKind.FASTRNN;
    }

    @Override
    public List<NamedMatrix> biases() {
        return List.of(b);
    }

    @Override
    public List<NamedScalar> scalars() {
        return List.of(alpha, beta);
    }
}
