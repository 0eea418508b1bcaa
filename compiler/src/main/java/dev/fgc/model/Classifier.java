package dev.fgc.model;

/** {@code logits = h_T·FC + FCbias}, applied to the last hidden state only. */
public record Classifier(NamedMatrix fc, NamedMatrix bias) {
    public int classes() {
        return fc.matrix().cols();
    }
}
