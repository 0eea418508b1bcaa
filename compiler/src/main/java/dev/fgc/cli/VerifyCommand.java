package dev.fgc.cli;

import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.report.QuantizationReport;
import dev.fgc.report.ReportFile;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Builds a verification firmware, runs it in the board's emulator and compares every"
                + " example's scores with the Java reference. Exit 0 passed, 1 device disagrees, 2 bad input.")
final class VerifyCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    BoardOption boardOption;

    @Mixin
    CodeOptions codeOptions;

    @Mixin
    LimitOptions limits;

    @Option(names = "--data", paramLabel = "DATA.npy", required = true,
            description = "examples in EdgeML's layout: label in column 0, then the raw features, time-major")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "verify only the first N examples")
    Integer limit;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON")
    Path json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "longest an emulator run may take (default 300)")
    long timeoutSeconds;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "keep the firmware build here (for debugging)")
    Path workDir;

    VerifyCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Model model = modelOptions.load();
        if (limit != null && limit < 1) {
            throw new dev.fgc.UserError("--limit " + limit + ": must be at least 1");
        }
        if (timeoutSeconds < 1) {
            throw new dev.fgc.UserError("--timeout " + timeoutSeconds + ": must be at least 1 second");
        }
        Dataset dataset = DatasetLoader.load(data, model);
        if (limit != null) {
            dataset = dataset.limit(limit);
        }
        Verifier.Options options = new Verifier.Options(boardOption.resolve(), codeOptions.prefix(model),
                Duration.ofSeconds(timeoutSeconds), Optional.ofNullable(workDir));
        if (json != null) {
            ReportFile.checkWritable(json);
        }
        CodeOptions.Build build = codeOptions.build(model);
        limits.check(build, options.board());
        CompiledModel compiled = build.compiled();
        VerifyReport report = new Verifier(ctx.provisioner(), ctx.env(), ctx.err())
                .verify(compiled, build.packing(), dataset, options).withSizes(build.sizes().toMap());
        if (compiled.plan().isPresent()) {
            report = report.withQuantization(QuantizationReport.of(compiled.plan().get(), build.calibration()));
        }
        ctx.out().print(report.summary());
        if (json != null) {
            ReportFile.write(json, report.toJson());
        }
        return report.passed() ? 0 : Main.EXIT_DISAGREES;
    }
}
