package dev.fgc.cli;

import dev.fgc.model.Model;
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.SizeReport;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.report.Json;
import dev.fgc.report.ModelSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Shows a model's cell, dimensions, ranks, parameters and non-zeros, and its size at a"
                + " precision and layout: per tensor value and index bytes, constant bytes, RAM.")
final class InspectCommand implements Runnable {
    private final Context ctx;

    @Mixin
    BuildOptions buildOptions;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    InspectCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Model model = buildOptions.load();
        CodeOptions.Build build = buildOptions.build(model);
        CompiledModel compiled = build.compiled();
        SizeReport sizes = build.sizes();
        List<String> factors = FactorChoice.of(model).decisions().values().stream()
                .map(FactorChoice.Decision::describe).toList();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(ModelSummary.of(model));
            m.put("lowRank", factors);
            m.put("precision", compiled.precision().label());
            m.putAll(sizes.toMap());
            ctx.out().print(Json.write(m));
            return;
        }
        ctx.out().print(ModelSummary.text(model));
        factors.forEach(f -> ctx.out().println("  " + f));
        ctx.out().print(SizesText.of(sizes, compiled.precision().label()));
    }
}
