package dev.fgc.load;

import dev.fgc.UserError;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.model.Cell;
import dev.fgc.model.Classifier;
import dev.fgc.model.FastGrnnCell;
import dev.fgc.model.FastRnnCell;
import dev.fgc.model.LinearMap;
import dev.fgc.model.Matrix;
import dev.fgc.model.Model;
import dev.fgc.model.NamedMatrix;
import dev.fgc.model.NamedScalar;
import dev.fgc.model.Normalizer;
import java.nio.file.Path;

/**
 * Loads the folder (or .npz) that EdgeML's {@code saveParams} writes. EdgeML stores no metadata,
 * so the cell kind comes from which files exist and every dimension from the shapes, which are
 * checked against each other; files the loader does not use are ignored.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static Model load(Path path, LoadOptions options) {
        TensorSource source = TensorSource.open(path);
        ShapeChecker shapes = new ShapeChecker(source);
        Cell cell = loadCell(source, shapes, options);
        NamedMatrix fc = shapes.matrix("FC", hiddenOf(source, cell), null);
        Classifier classifier = new Classifier(fc, shapes.vector("FCbias", Dim.of(source, fc, false)));
        Normalizer normalizer = loadNormalizer(source, shapes, cell.inputs());
        int timesteps = normalizer.features() / cell.inputs();
        return new Model(modelName(path), cell, timesteps, normalizer, classifier);
    }

    private static Cell loadCell(TensorSource source, ShapeChecker shapes, LoadOptions options) {
        boolean grnn = source.has("Bg") || source.has("Bh") || source.has("zeta") || source.has("nu");
        boolean rnn = source.has("B") || source.has("alpha") || source.has("beta");
        if (grnn && rnn) {
            throw new UserError(source.describe("B") + ": the folder mixes FastGRNN files (Bg, Bh, zeta, nu)"
                    + " and FastRNN files (B, alpha, beta); keep one cell's files");
        }
        if (!grnn && !rnn) {
            throw new UserError(source.describe("Bg") + ": not found, and no B.npy either: not an EdgeML"
                    + " FastGRNN (Bg, Bh, zeta, nu) or FastRNN (B, alpha, beta) model");
        }
        LinearMap w = linearMap(source, shapes, "W", null, null);
        Dim hidden = outputDim(source, w);
        LinearMap u = linearMap(source, shapes, "U", hidden, hidden);
        if (grnn) {
            return new FastGrnnCell(w, u, shapes.vector("Bg", hidden), shapes.vector("Bh", hidden),
                    shapes.scalar("zeta"), shapes.scalar("nu"),
                    options.gate().orElse(LoadOptions.DEFAULT_GATE),
                    options.update().orElse(LoadOptions.DEFAULT_UPDATE));
        }
        if (options.gate().isPresent()) {
            throw new UserError(source.describe("B") + ": this is a FastRNN model, which has no gate;"
                    + " drop --gate");
        }
        return new FastRnnCell(w, u, shapes.vector("B", hidden), shapes.scalar("alpha"), shapes.scalar("beta"),
                options.update().orElse(LoadOptions.DEFAULT_UPDATE));
    }

    /** W.npy, or W1.npy and W2.npy (likewise U); never both forms. */
    private static LinearMap linearMap(TensorSource source, ShapeChecker shapes, String name, Dim in, Dim out) {
        boolean full = source.has(name);
        boolean first = source.has(name + "1");
        boolean second = source.has(name + "2");
        if (full && (first || second)) {
            throw new UserError(source.describe(name) + ": both " + name + ".npy and the low-rank factors "
                    + name + "1/" + name + "2 exist; keep one form");
        }
        if (full) {
            return new LinearMap.Dense(shapes.matrix(name, in, out));
        }
        if (first != second) {
            String missing = first ? name + "2" : name + "1";
            throw new UserError(source.describe(missing) + ": not found, but " + (first ? name + "1" : name + "2")
                    + ".npy is: a low-rank " + name + " needs both factors");
        }
        if (!first) {
            throw new UserError(source.describe(name) + ": not found (nor " + name + "1.npy/" + name
                    + "2.npy): the model needs its " + name + " matrix");
        }
        NamedMatrix a = shapes.matrix(name + "1", in, null);
        NamedMatrix b = shapes.matrix(name + "2", Dim.of(source, a, false), out);
        return new LinearMap.LowRank(a, b);
    }

    private static Normalizer loadNormalizer(TensorSource source, ShapeChecker shapes, int inputs) {
        NamedMatrix mean = shapes.flatVector("mean");
        NamedMatrix std = shapes.flatVector("std");
        int features = mean.matrix().size();
        if (features == 0 || features % inputs != 0) {
            throw new UserError(source.describe("mean") + ": length " + features + " is not a whole number of"
                    + " timesteps of " + inputs + " inputs (the input width from " + firstW(source) + ")");
        }
        if (std.matrix().size() != features) {
            throw new UserError(source.describe("std") + ": length " + std.matrix().size() + " differs from "
                    + source.describe("mean") + "'s " + features);
        }
        double[] s = std.matrix().values();
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) {
                throw new UserError(source.describe("std") + ": element " + i + " is negative (" + s[i] + ")");
            }
        }
        return new Normalizer(mean.matrix(), std.matrix());
    }

    /** The hidden size, with the file that fixed it: the last factor of W. */
    private static Dim outputDim(TensorSource source, LinearMap map) {
        NamedMatrix last = map.factors().get(map.factors().size() - 1);
        return Dim.of(source, last, false);
    }

    private static Dim hiddenOf(TensorSource source, Cell cell) {
        return outputDim(source, cell.w());
    }

    private static String firstW(TensorSource source) {
        return source.has("W") ? source.describe("W") : source.describe("W1");
    }

    private static String modelName(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "model" : abs.getFileName().toString();
        return name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
    }

    /** A dimension another file fixed, remembered with that file so that errors can name both. */
    record Dim(int size, String origin) {
        static Dim of(TensorSource source, NamedMatrix m, boolean rows) {
            return new Dim(rows ? m.matrix().rows() : m.matrix().cols(),
                    source.describe(m.name()) + " " + m.matrix().shape());
        }
    }

    /** Reads arrays of the source and checks their shapes and values, naming files in every error. */
    static final class ShapeChecker {
        private final TensorSource source;

        ShapeChecker(TensorSource source) {
            this.source = source;
        }

        /** A 2-d array whose dimensions must equal the given ones where those are not null. */
        NamedMatrix matrix(String name, Dim rows, Dim cols) {
            NpyArray a = require(name);
            int[] s = a.shape();
            if (s.length != 2) {
                throw new UserError(source.describe(name) + ": shape " + shape(s) + ", expected a 2-d matrix");
            }
            if (s[0] == 0 || s[1] == 0) {
                // An empty weight matrix leaves the cell with no inputs or no hidden units, and every
                // size derived from it (timesteps = features / inputs) would be meaningless.
                throw new UserError(source.describe(name) + ": shape " + shape(s)
                        + " is empty; a weight matrix needs at least one row and one column");
            }
            mustEqual(name, s, 0, rows, "rows");
            mustEqual(name, s, 1, cols, "columns");
            return finite(name, new Matrix(s[0], s[1], a.values()));
        }

        private void mustEqual(String name, int[] s, int axis, Dim want, String what) {
            if (want != null && s[axis] != want.size()) {
                throw new UserError(source.describe(name) + ": shape " + shape(s) + " has " + s[axis] + " " + what
                        + ", but " + want.origin() + " implies " + want.size());
            }
        }

        /** [n] or [1, n]. */
        NamedMatrix vector(String name, Dim length) {
            NpyArray a = require(name);
            int[] s = a.shape();
            int n = length.size();
            boolean ok = (s.length == 1 && s[0] == n) || (s.length == 2 && s[0] == 1 && s[1] == n);
            if (!ok) {
                throw new UserError(source.describe(name) + ": shape " + shape(s) + ", expected [" + n
                        + "] or [1, " + n + "] to match " + length.origin());
            }
            return finite(name, Matrix.rowVector(a.values()));
        }

        /** Any 1-d array or a single row/column; used for mean and std. */
        NamedMatrix flatVector(String name) {
            NpyArray a = require(name);
            int[] s = a.shape();
            boolean ok = s.length == 1 || (s.length == 2 && (s[0] == 1 || s[1] == 1));
            if (!ok) {
                throw new UserError(source.describe(name) + ": shape " + shape(s)
                        + ", expected a vector of timesteps × inputs values");
            }
            return finite(name, Matrix.rowVector(a.values()));
        }

        NamedScalar scalar(String name) {
            NpyArray a = require(name);
            if (a.size() != 1) {
                throw new UserError(source.describe(name) + ": shape " + shape(a.shape())
                        + ", expected a single value ([1, 1])");
            }
            NamedMatrix m = finite(name, Matrix.rowVector(a.values()));
            return new NamedScalar(name, m.matrix().get(0, 0));
        }

        private NpyArray require(String name) {
            if (!source.has(name)) {
                throw new UserError(source.describe(name) + ": not found; the model needs it");
            }
            return source.read(name);
        }

        private NamedMatrix finite(String name, Matrix m) {
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    double v = m.get(r, c);
                    if (!Double.isFinite(v)) {
                        throw new UserError(source.describe(name) + ": element [" + r + ", " + c + "] is "
                                + (Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf")
                                + "; a trained model must hold finite values");
                    }
                }
            }
            return new NamedMatrix(name, m);
        }

        static String shape(int[] s) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < s.length; i++) {
                b.append(i == 0 ? "" : ", ").append(s[i]);
            }
            return b.append(']').toString();
        }
    }
}
