package dev.fgc.cli;

import dev.fgc.emit.CPrefix;
import dev.fgc.model.Model;
import picocli.CommandLine.Mixin;

/** What to build: the model and how its C is generated, for every command that compiles a model. */
class BuildOptions {
    @Mixin
    ModelOptions modelOptions;

    @Mixin
    CodeOptions codeOptions;

    Model load() {
        return modelOptions.load();
    }

    CodeOptions.Build build(Model model) {
        return codeOptions.build(model);
    }

    CPrefix prefix(Model model) {
        return codeOptions.prefix(model);
    }

    /** These options as a command line that rebuilds the same C (paths as file names). */
    String describe(Model model) {
        return codeOptions.describe(model) + modelOptions.describe();
    }
}
