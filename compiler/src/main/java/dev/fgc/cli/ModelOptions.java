package dev.fgc.cli;

import dev.fgc.model.Model;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The model argument and the nonlinearities EdgeML does not save. */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "EdgeML model folder (W.npy or W1/W2.npy, U..., Bg, Bh, zeta, nu or B, alpha, beta, FC,"
                    + " FCbias, mean, std) or an .npz archive of the same arrays")
    Path model;

    @Mixin
    NonlinearityOptions nonlinearities;

    /** The nonlinearity options given, as a command line ("" when none). */
    String describe() {
        return nonlinearities.describe();
    }

    Model load() {
        return nonlinearities.load(model);
    }
}
