package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.export.BuiltInSample;
import dev.fgc.export.ExportInput;
import dev.fgc.export.Exporter;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the C-package exports share: the model and code options of {@code compile} and
 * {@code verify} (so a package holds exactly the C that verify checks), the fit check, the built-in
 * sample, and the all-or-nothing write of the package folder.
 */
abstract class PackageExportCommand implements Runnable {
    private final Context ctx;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    CodeOptions codeOptions;

    @Mixin
    LimitOptions limits;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    @Option(names = "--sample", paramLabel = "DATA.npy",
            description = "examples (EdgeML layout) whose first is the package's built-in sample; default the"
                    + " first calibration example, else the normaliser's mean")
    Path sample;

    @Option(names = "--package-version", paramLabel = "X.Y.Z", defaultValue = "1.0.0",
            description = "version of the package (default 1.0.0)")
    String packageVersion;

    PackageExportCommand(Context ctx) {
        this.ctx = ctx;
    }

    abstract Exporter exporter();

    /** The board the package targets, when the export has one. */
    abstract Optional<Board> board();

    @Override
    public void run() {
        Model model = modelOptions.load();
        Optional<Board> board = board();
        Optional<Dataset> sampleData = Optional.ofNullable(sample).map(p -> DatasetLoader.load(p, model));
        CodeOptions.Build build = codeOptions.build(model);
        board.ifPresent(b -> limits.check(build, b));
        String options = codeOptions.describe(model) + modelOptions.describe();
        ExportInput in = new ExportInput(build.compiled(), build.packing(), build.sizes(), codeOptions.prefix(model),
                board, BuiltInSample.of(model, sampleData.or(build::calibration)), packageVersion, options);
        Exporter exporter = exporter();
        GeneratedFiles files = exporter.files(in);
        files.writeTo(output);
        ctx.out().printf("fgc: wrote the %s of model %s (%s, %d files) to %s%n", exporter.title(), model.name(),
                build.compiled().precision().label(), files.asMap().size(), output);
    }
}
