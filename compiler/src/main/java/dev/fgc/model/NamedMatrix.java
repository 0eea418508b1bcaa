package dev.fgc.model;

/** A matrix with the EdgeML name it was saved under (W1, U, FC…), kept for reports and C symbols. */
public record NamedMatrix(String name, Matrix matrix) {
}
