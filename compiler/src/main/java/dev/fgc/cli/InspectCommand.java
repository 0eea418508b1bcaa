package dev.fgc.cli;

import dev.fgc.model.Model;
import dev.fgc.report.Json;
import dev.fgc.report.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a model's cell, dimensions, ranks, parameters, non-zeros and float size.")
final class InspectCommand implements Runnable {
    private final Context ctx;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    InspectCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Model model = modelOptions.load();
        ctx.out().print(json ? Json.write(ModelSummary.of(model)) : ModelSummary.text(model));
    }
}
