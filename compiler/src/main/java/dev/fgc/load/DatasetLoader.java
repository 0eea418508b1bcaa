package dev.fgc.load;

import dev.fgc.UserError;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.load.npy.NpyReader;
import dev.fgc.model.Model;
import java.nio.file.Path;

/**
 * Reads EdgeML data files ([n, 1 + T·in]: label in column 0) for a given model. A file of exactly
 * T·in columns is taken as unlabelled features.
 */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    public static Dataset load(Path file, Model model) {
        NpyArray a = NpyReader.read(file);
        int[] s = a.shape();
        int features = model.features();
        if (s.length != 2) {
            throw new UserError(file + ": shape " + ModelLoader.ShapeChecker.shape(s)
                    + ", expected [examples, 1 + " + features + "] (label, then " + model.timesteps() + " steps × "
                    + model.inputs() + " inputs)");
        }
        boolean labelled = s[1] == features + 1;
        if (!labelled && s[1] != features) {
            throw new UserError(file + ": " + s[1] + " columns, but model '" + model.name() + "' reads "
                    + features + " features (" + model.timesteps() + " steps × " + model.inputs()
                    + " inputs): expected " + (features + 1) + " columns (label first) or " + features);
        }
        if (s[0] == 0) {
            throw new UserError(file + ": holds no examples");
        }
        double[] v = a.values();
        int cols = s[1];
        int offset = labelled ? 1 : 0;
        double[][] x = new double[s[0]][features];
        int[] labels = labelled ? new int[s[0]] : null;
        for (int r = 0; r < s[0]; r++) {
            for (int c = 0; c < features; c++) {
                double f = v[r * cols + offset + c];
                if (!Double.isFinite(f)) {
                    throw new UserError(file + ": example " + r + ", feature " + c + " is " + f
                            + "; inputs must be finite");
                }
                x[r][c] = f;
            }
            if (labelled) {
                labels[r] = label(file, r, v[r * cols], model.classes());
            }
        }
        return new Dataset(file.toString(), x, labels);
    }

    private static int label(Path file, int row, double value, int classes) {
        if (value != Math.rint(value) || value < 0 || value >= classes) {
            throw new UserError(file + ": example " + row + " has label " + value + " in column 0, expected a"
                    + " class number from 0 to " + (classes - 1));
        }
        return (int) value;
    }
}
