package dev.fgc.pack;

import dev.fgc.model.Model;

/**
 * The multiply-accumulates one whole classification executes, from the matrices as packed: a
 * dense matrix multiplies every stored value, zeros too (rows × cols), a sparse one only its
 * non-zeros as stored (after quantization). The cell's matrices run once a step, the classifier's
 * once; normalisation, biases and nonlinearities are not counted.
 */
public final class MacCount {
    private MacCount() {
    }

    /** @param model the model as compiled (low-rank projections in their chosen form) */
    public static long perInference(Model model, Packing packing) {
        String classifier = model.classifier().fc().name();
        long step = 0;
        long once = 0;
        for (PackedMatrix m : packing.matrices().values()) {
            if (m.name().equals(classifier)) {
                once += multiplied(m);
            } else {
                step += multiplied(m);
            }
        }
        return step * model.timesteps() + once;
    }

    private static long multiplied(PackedMatrix m) {
        return m.layout() == Layout.DENSE ? (long) m.rows() * m.cols() : m.nonZeros();
    }
}
