package dev.fgc.load;

import dev.fgc.model.Nonlinearity;
import java.util.Optional;

/**
 * What EdgeML does not save and the user must say: the nonlinearities. Empty means the default
 * (gate sigmoid, update tanh, as EdgeML's trainer defaults).
 */
public record LoadOptions(Optional<Nonlinearity> gate, Optional<Nonlinearity> update) {
    public static final Nonlinearity DEFAULT_GATE = Nonlinearity.SIGMOID;
    public static final Nonlinearity DEFAULT_UPDATE = Nonlinearity.TANH;

    public static LoadOptions defaults() {
        return new LoadOptions(Optional.empty(), Optional.empty());
    }

    public static LoadOptions of(Nonlinearity gate, Nonlinearity update) {
        return new LoadOptions(Optional.ofNullable(gate), Optional.ofNullable(update));
    }
}
