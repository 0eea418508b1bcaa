package dev.fgc.model;

/** A raw scalar parameter (zeta, nu, alpha, beta) as EdgeML saved it; the cell applies a sigmoid. */
public record NamedScalar(String name, double value) {
    public double sigmoid() {
        return Nonlinearity.SIGMOID.apply(value);
    }
}
