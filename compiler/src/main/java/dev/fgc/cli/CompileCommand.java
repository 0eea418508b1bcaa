package dev.fgc.cli;

import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.report.Json;
import dev.fgc.report.QuantizationReport;
import dev.fgc.report.ReportFile;
import dev.fgc.device.Board;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Writes a self-contained C package for the model: <prefix>_model.h/.c and the runtime files.")
final class CompileCommand implements Runnable {
    private final Context ctx;

    @Mixin
    BoardBuildOptions buildOptions;

    @Mixin
    BoardOption boardOption;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    @Option(names = "--report", paramLabel = "FILE",
            description = "write the quantization report (formats, ranges, saturations, sizes) as JSON")
    Path report;

    CompileCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Model model = buildOptions.load();
        Board board = boardOption.resolve();
        if (report != null) {
            ReportFile.checkWritable(report);
        }
        CodeOptions.Build build = buildOptions.build(model, board);
        CompiledModel compiled = build.compiled();
        CModelEmitter emitter = buildOptions.emitter(build, model);
        GeneratedFiles files = emitter.emit(compiled, build.packing());
        files.writeTo(output);
        if (report != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model.name());
            r.put("precision", compiled.precision().label());
            r.putAll(build.sizes().toMap());
            compiled.plan().ifPresent(p -> r.put("quantization", QuantizationReport.of(p, build.calibration())));
            ReportFile.write(report, Json.write(r));
        }
        ctx.out().printf(Locale.ROOT, "fgc: wrote %d files to %s (include %s; %d bytes of model constants, %s)%n",
                files.asMap().size(), output, emitter.headerName(), build.sizes().constantBytes(),
                compiled.precision().label());
    }
}
