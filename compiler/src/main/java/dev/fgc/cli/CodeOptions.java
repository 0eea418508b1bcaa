package dev.fgc.cli;

import dev.fgc.emit.CPrefix;
import dev.fgc.model.Model;
import dev.fgc.quantize.Precision;
import picocli.CommandLine.Option;

/** How the C is generated: number format and identifier prefix. */
final class CodeOptions {
    @Option(names = "--precision", paramLabel = "P", defaultValue = "float",
            description = "float (int16 and int8 to come)")
    String precision;

    @Option(names = "--prefix", paramLabel = "NAME", description = "C identifier prefix; default from the model's name")
    String prefix;

    Precision precision() {
        return Precision.requireSupported(Precision.parse(precision));
    }

    CPrefix prefix(Model model) {
        return prefix == null ? CPrefix.fromName(model.name()) : new CPrefix(prefix);
    }
}
