package dev.fgc.model;

import java.util.List;

/**
 * {@code z = gate(pre + Bg); c = update(pre + Bh); h = z⊙h + (σ(zeta)(1−z) + σ(nu))⊙c}.
 */
public record FastGrnnCell(LinearMap w, LinearMap u, NamedMatrix bg, NamedMatrix bh,
                           NamedScalar zeta, NamedScalar nu,
                           Nonlinearity gate, Nonlinearity update) implements Cell {

    @Override
    public CellKind kind() {
        return CellKind.FASTGRNN;
    }

    @Override
    public List<NamedMatrix> biases() {
        return List.of(bg, bh);
    }

    @Override
    public List<NamedScalar> scalars() {
        return List.of(zeta, nu);
    }
}
