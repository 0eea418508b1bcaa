package dev.fgc.it;

import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.testing.Repo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One package that {@code fgc compile} writes for a trained model of the repository (USPS and the
 * shared models): a precision and a layout, built through the same steps as the command (low-rank
 * choice, calibrated plan, packing, emission), with the calibration data the README uses.
 */
record SharedModelBuild(String model, Precision precision, Layout.Policy layout) {
    /** The trained models: name, gate (EdgeML saves none; synth-har was trained with tanh). */
    private static final String[][] MODELS = {{"usps", "sigmoid"}, {"digits-rows", "sigmoid"}, {"synth-har", "tanh"}};
    private static final Precision[] PRECISIONS = {Precision.FLOAT, Precision.INT16, Precision.INT8};

    /**
     * Every model at every precision and layout. Low rank is not a layout of its own: USPS and
     * synth-har are low rank, and fgc keeps a projection factored where that is smaller, so their
     * packages are low rank in each layout.
     */
    static List<SharedModelBuild> all() {
        List<SharedModelBuild> all = new ArrayList<>();
        for (String[] m : MODELS) {
            for (Precision p : PRECISIONS) {
                for (Layout.Policy l : Layout.Policy.values()) {
                    all.add(new SharedModelBuild(m[0], p, l));
                }
            }
        }
        return all;
    }

    Path folder() {
        return "usps".equals(model) ? Repo.usps() : Repo.sharedModel(model);
    }

    Model load() {
        Nonlinearity gate = Nonlinearity.byName(gateName());
        return ModelLoader.load(folder(), LoadOptions.of(gate, null));
    }

    /** Every test example of the model. */
    Dataset tests(Model model) {
        return DatasetLoader.load(folder().resolve("test.npy"), model);
    }

    /** The model at this precision, calibrated as the README does (USPS has only its test set). */
    CompiledModel compile(Model model) {
        Path calibration = folder().resolve("usps".equals(this.model) ? "test.npy" : "train.npy");
        Optional<Dataset> data = precision.isFixedPoint() ? Optional.of(DatasetLoader.load(calibration, model))
                : Optional.empty();
        return PrecisionPlanner.plan(FactorChoice.of(model).apply(), precision, data, 1.0);
    }

    CPrefix prefix() {
        return CPrefix.fromName(model);
    }

    /** The package fgc compile writes for this build. */
    GeneratedFiles emit(CompiledModel compiled) {
        return new CModelEmitter(compiled.model(), prefix()).emit(compiled, Packing.of(compiled, layout));
    }

    /** A folder name for this build. */
    String label() {
        return model + "-" + precision.label() + "-" + layout.label();
    }

    private String gateName() {
        for (String[] m : MODELS) {
            if (m[0].equals(model)) {
                return m[1];
            }
        }
        throw new IllegalArgumentException("unknown model " + model);
    }

    @Override
    public String toString() {
        return model + " " + precision.label() + " " + layout.label();
    }
}
