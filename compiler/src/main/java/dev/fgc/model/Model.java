package dev.fgc.model;

import java.util.ArrayList;
import java.util.List;

/** An immutable FastGRNN/FastRNN classifier: normalisation, a cell unrolled over T steps, a classifier. */
public record Model(String name, Cell cell, int timesteps, Normalizer normalizer, Classifier classifier) {

    public Model {
        if (normalizer.features() != timesteps * cell.inputs()) {
            throw new IllegalArgumentException("normaliser covers " + normalizer.features()
                    + " features, model reads " + timesteps + "×" + cell.inputs());
        }
        if (classifier.fc().matrix().rows() != cell.hidden()) {
            throw new IllegalArgumentException("classifier does not read the hidden state");
        }
    }

    public int inputs() {
        return cell.inputs();
    }

    public int hidden() {
        return cell.hidden();
    }

    public int classes() {
        return classifier.classes();
    }

    public int features() {
        return timesteps * inputs();
    }

    /** Every trained matrix and vector, in a fixed order (cell, then classifier); no normaliser. */
    public List<NamedMatrix> trainedTensors() {
        List<NamedMatrix> all = new ArrayList<>();
        all.addAll(cell.w().factors());
        all.addAll(cell.u().factors());
        all.addAll(cell.biases());
        all.add(classifier.fc());
        all.add(classifier.bias());
        return all;
    }

    /** Trained parameter count, scalars included, normaliser excluded (as the paper counts). */
    public int parameters() {
        return trainedTensors().stream().mapToInt(t -> t.matrix().size()).sum() + cell.scalars().size();
    }
}
