package dev.fgc.cli;

import dev.fgc.DeviceFailure;
import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.export.BuiltInSample;
import dev.fgc.export.ExportInput;
import dev.fgc.export.Exporter;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the C-package exports share: the model and code options of {@code compile} and
 * {@code verify} (so a package holds exactly the C that verify checks), the fit check, the built-in
 * sample, and the all-or-nothing write of the package folder.
 */
abstract class PackageExportCommand implements Runnable {
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(300);
    private final Context ctx;

    @Mixin
    BoardBuildOptions buildOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    @Option(names = "--sample", paramLabel = "DATA.npy",
            description = "examples (EdgeML layout) whose first is the package's built-in sample; default the"
                    + " first calibration example, else the normaliser's mean")
    Path sample;

    @Option(names = "--verify", paramLabel = "DATA.npy",
            description = "first run fgc verify of these sources on the board with these examples: the README"
                    + " records the result, and a disagreement writes nothing (exit 1)")
    Path verify;

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
        Model model = buildOptions.load();
        Optional<Board> board = board();
        Optional<Dataset> sampleData = Optional.ofNullable(sample).map(p -> DatasetLoader.load(p, model));
        Optional<Dataset> verifyData = Optional.ofNullable(verify).map(p -> DatasetLoader.load(p, model));
        if (verifyData.isPresent() && board.isEmpty()) {
            throw new UserError("--verify " + verify + ": needs --board, the board to verify on");
        }
        CodeOptions.Build build = buildOptions.build(model, board);
        String options = buildOptions.describe(model);
        Optional<ExportInput.Verification> verification = verifyData.map(d -> verify(build, board.get(),
                buildOptions.prefix(model), d));
        ExportInput in = new ExportInput(build.compiled(), build.packing(), build.sizes(), buildOptions.prefix(model),
                board, BuiltInSample.of(model, sampleData.or(build::calibration)), packageVersion, options,
                verification);
        Exporter exporter = exporter();
        GeneratedFiles files = exporter.files(in);
        files.writeTo(output);
        ctx.out().printf(Locale.ROOT, "fgc: wrote the %s of model %s (%s, %d files) to %s%n", exporter.title(), model.name(),
                build.compiled().precision().label(), files.asMap().size(), output);
    }

    /** {@code fgc verify} of the build on the board, as the verify command runs it; passed, or nothing is written. */
    private ExportInput.Verification verify(CodeOptions.Build build, Board board, CPrefix prefix, Dataset data) {
        VerifyReport report = new Verifier(ctx.provisioner(), ctx.env(), ctx.err()).verify(build.compiled(),
                build.packing(), data, new Verifier.Options(board, prefix, VERIFY_TIMEOUT, Optional.empty()));
        ctx.out().print(report.summary());
        if (!report.passed()) {
            throw new DeviceFailure("board " + board.name() + " disagrees with the reference on " + verify
                    + "; no package written");
        }
        return new ExportInput.Verification(data.size() + " examples of " + verify.getFileName() + " on board "
                + board.name(), report.summary());
    }
}
