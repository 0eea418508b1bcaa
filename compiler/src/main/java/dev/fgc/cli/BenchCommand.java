package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.bench.BenchRow;
import dev.fgc.bench.BenchTable;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.emit.CPrefix;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import dev.fgc.pack.Layout;
import dev.fgc.pack.MacCount;
import dev.fgc.quantize.Precision;
import dev.fgc.report.ReportFile;
import dev.fgc.report.html.HtmlReport;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Verifies every model on every board at every precision and layout given, and prints a row"
                + " for each: instructions (Cortex-M, counted by QEMU) or cycles (AVR, simavr) per inference,"
                + " milliseconds at the board's clock, instructions or cycles per multiply-accumulate, flash, RAM"
                + " and whether every sample matched the Java reference.",
            "MACs per inference are the multiply-accumulates the kernels execute: per step every value of a"
                + " dense weight matrix (zeros too) and the stored non-zeros of a sparse one, times the timesteps,"
                + " plus the classifier's; normalisation, biases and nonlinearities are not counted.",
            "Exit 0 every row passed, 1 a device disagrees, 2 bad input."})
final class BenchCommand implements Callable<Integer> {
    private static final String TRAIN = "train.npy";

    private final Context ctx;

    @Parameters(arity = "1..*", paramLabel = "MODEL",
            description = "EdgeML model folders (or .npz archives), each with its data beside it")
    List<Path> models;

    @Mixin
    NonlinearityOptions nonlinearities;

    @Option(names = "--board", paramLabel = "B", split = ",",
            description = "boards, comma-separated (see 'fgc boards'); default mps2-an386")
    List<String> boards;

    @Option(names = "--precision", paramLabel = "P", split = ",", defaultValue = "int8",
            description = "precisions, comma-separated: float, int16, int8, auto (default int8); float is left out"
                    + " on boards that run fixed point only")
    List<String> precisions;

    @Option(names = "--layout", paramLabel = "L", split = ",", defaultValue = "auto",
            description = "weight layouts, comma-separated: auto (default), dense, sparse")
    List<String> layouts;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "test.npy",
            description = "examples to verify, in each model's folder (default test.npy; an absolute path is"
                    + " taken as it is)")
    Path data;

    @Option(names = "--calibrate", paramLabel = "FILE",
            description = "calibration examples, in each model's folder (default train.npy, or the --data file"
                    + " where there is none; an absolute path is taken as it is)")
    Path calibrate;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "verify the first N examples of each data file (default 10)")
    int limit;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the table as JSON")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "also write one self-contained HTML page: the"
            + " table, size against speed and accuracy with the Pareto front, each row's verify report")
    Path html;

    @Mixin
    TimeoutOption timeoutOption;

    BenchCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** One row to measure, built and checked against its board before any emulator runs. */
    private record Case(Model model, Board board, String layout, CodeOptions.Build build, Dataset data) {
    }

    /** The rows to measure, and the combinations left out because the board cannot run them. */
    private record Plan(List<Case> cases, List<String> leftOut) {
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UserError("--limit " + limit + ": must be at least 1");
        }
        Duration timeout = timeoutOption.timeout();
        Plan plan = plan();
        for (Path report : new Path[] {json, html}) {
            if (report != null) {
                ReportFile.checkWritable(report);
            }
        }
        plan.leftOut().forEach(l -> ctx.err().println("fgc bench: " + l));
        List<Case> cases = plan.cases();
        Verifier verifier = new Verifier(ctx.provisioner(), ctx.env(), ctx.err(), ctx.errIsTerminal());
        List<BenchRow> rows = new ArrayList<>();
        for (Case c : cases) {
            ctx.err().printf(Locale.ROOT, "fgc bench: %s on %s, %s, %s layout (%d of %d)%n", c.model().name(), c.board().name(),
                    c.build().compiled().precision().label(), c.layout(), rows.size() + 1, cases.size());
            CodeOptions.Build b = c.build();
            VerifyReport report = b.withBuildFacts(verifier.verify(b.compiled(), b.packing(), c.data(),
                    new Verifier.Options(c.board(), CPrefix.fromName(c.model().name()), timeout,
                            Optional.empty())));
            rows.add(new BenchRow(c.layout(), MacCount.perInference(b.compiled().model(), b.packing()), report));
        }
        BenchTable table = new BenchTable(rows);
        ctx.out().print(table.text());
        if (json != null) {
            ReportFile.write(json, table.toJson());
        }
        if (html != null) {
            ReportFile.write(html, HtmlReport.bench(table));
        }
        return table.passed() ? 0 : Main.EXIT_DISAGREES;
    }

    /** Every combination asked for, in the order given; any bad input fails here, before a run. */
    private Plan plan() {
        BoardCatalog catalog = BoardCatalog.load();
        List<Board> boardList = boards == null ? List.of(catalog.defaultBoard())
                : boards.stream().map(catalog::byName).toList();
        List<Precision> precisionList = precisions.stream().map(Precision::parse).toList();
        List<Layout.Policy> layoutList = layouts.stream().map(Layout.Policy::parse).toList();
        List<Case> cases = new ArrayList<>();
        Set<String> leftOut = new LinkedHashSet<>();
        for (Path path : models) {
            Model model = nonlinearities.load(path);
            Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            Path dataFile = existing(folder.resolve(data), "--data");
            Path calibration = existing(calibrate != null ? folder.resolve(calibrate)
                    : Files.exists(folder.resolve(TRAIN)) ? folder.resolve(TRAIN) : dataFile, "--calibrate");
            Dataset examples = DatasetLoader.load(dataFile, model).limit(limit);
            // a build depends on the precision and layout, not on the board: one serves every board
            Map<String, CodeOptions.Build> builds = new HashMap<>();
            for (Board board : boardList) {
                for (Precision precision : precisionList) {
                    if (!LimitOptions.runs(board, precision)) {
                        leftOut.add(precision.label() + " left out on " + board.name() + " (it runs fixed point"
                                + " only)");
                        continue;
                    }
                    for (Layout.Policy layout : layoutList) {
                        CodeOptions.Build build = builds.computeIfAbsent(precision.label() + " " + layout.label(),
                                k -> CodeOptions.of(precision, layout, Optional.of(calibration)).build(model));
                        new LimitOptions().check(build, board);
                        cases.add(new Case(model, board, layout.label(), build, examples));
                    }
                }
            }
        }
        if (cases.isEmpty()) {
            throw new UserError("nothing to bench: the boards given run fixed point only; give --precision int8,"
                    + " int16 or auto");
        }
        return new Plan(cases, List.copyOf(leftOut));
    }

    private static Path existing(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such data file (" + option + " names a file in each model's folder,"
                    + " or an absolute path)");
        }
        return file;
    }
}
