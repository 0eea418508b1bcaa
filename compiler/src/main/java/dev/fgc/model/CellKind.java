package dev.fgc.model;

public enum CellKind {
    FASTGRNN("FastGRNN"),
    FASTRNN("FastRNN");

    private final String displayName;

    CellKind(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
