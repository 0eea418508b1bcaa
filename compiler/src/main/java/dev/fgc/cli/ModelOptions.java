package dev.fgc.cli;

import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.model.Nonlinearity;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model argument and the nonlinearities EdgeML does not save. */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "EdgeML model folder (W.npy or W1/W2.npy, U…, Bg, Bh, zeta, nu or B, alpha, beta, FC,"
                    + " FCbias, mean, std) or an .npz archive of the same arrays")
    Path model;

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

    Model load() {
        return ModelLoader.load(model, LoadOptions.of(
                gate == null ? null : Nonlinearity.byName(gate),
                update == null ? null : Nonlinearity.byName(update)));
    }
}
