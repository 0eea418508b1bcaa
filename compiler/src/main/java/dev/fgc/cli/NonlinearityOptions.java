package dev.fgc.cli;

import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The nonlinearities EdgeML does not save, and the loading of a model with them. */
final class NonlinearityOptions {
    @Option(names = "--gate", paramLabel = "NL",
            description = "FastGRNN gate nonlinearity: sigmoid (default), tanh, relu, quantSigm, quantSigm4, quantTanh")
    String gate;

    @Option(names = "--update", paramLabel = "NL",
            description = "update nonlinearity: tanh (default), sigmoid, relu, quantSigm, quantSigm4, quantTanh")
    String update;

    /** The nonlinearity options given, as a command line ("" when none). */
    String describe() {
        return (gate == null ? "" : " --gate " + gate) + (update == null ? "" : " --update " + update);
    }

    Model load(Path model) {
        return ModelLoader.load(model, LoadOptions.of(
                gate == null ? null : Nonlinearity.byName(gate),
                update == null ? null : Nonlinearity.byName(update)));
    }
}
