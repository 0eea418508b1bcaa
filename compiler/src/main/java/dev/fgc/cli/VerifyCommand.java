package dev.fgc.cli;

import dev.fgc.container.ContainerVerifier;
import dev.fgc.container.VerificationImage;
import dev.fgc.hil.PortSpec;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.report.ReportFile;
import dev.fgc.report.html.HtmlReport;
import dev.fgc.verify.HilVerifier;
import dev.fgc.verify.JUnitXmlReport;
import dev.fgc.verify.Verifier;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Builds a verification firmware, runs it in the board's emulator and compares every"
                + " example's scores with the Java reference. Exit 0 passed, 1 device disagrees, 2 bad input.")
final class VerifyCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    BoardBuildOptions buildOptions;

    @Mixin
    BoardOption boardOption;

    @Option(names = "--data", paramLabel = "DATA.npy", required = true,
            description = "examples in EdgeML's layout: label in column 0, then the raw features, time-major")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "verify only the first N examples")
    Integer limit;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON")
    Path json;

    @Mixin
    TimeoutOption timeoutOption;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "keep the firmware build here (for debugging)")
    Path workDir;

    @Option(names = "--html", paramLabel = "FILE",
            description = "also write the report as one self-contained HTML page (summary, sizes, score plots)")
    Path html;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "also write the result as a JUnit XML report (a test case per example)")
    Path junitXml;

    @Option(names = "--port", paramLabel = "SPEC",
            description = "verify on a device running 'fgc hil-firmware' over a serial line: /dev/ttyACM0[@BAUD]"
                    + " or tcp:HOST:PORT (--timeout bounds each reply)")
    String port;

    @Option(names = "--in-container", description = "run the whole verification inside the local image "
            + VerificationImage.NAME + " (Docker, through Testcontainers)")
    boolean inContainer;

    @Spec
    CommandSpec spec;

    VerifyCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (inContainer) {
            return runInContainer();
        }
        Model model = buildOptions.load();
        if (limit != null && limit < 1) {
            throw new dev.fgc.UserError("--limit " + limit + ": must be at least 1");
        }
        Duration timeout = timeoutOption.timeout();
        Dataset dataset = DatasetLoader.load(data, model);
        if (limit != null) {
            dataset = dataset.limit(limit);
        }
        Verifier.Options options = new Verifier.Options(boardOption.resolve(), buildOptions.prefix(model),
                timeout, Optional.ofNullable(workDir));
        PortSpec portSpec = port == null ? null : PortSpec.parse(port);
        for (Path report : new Path[] {json, junitXml, html}) {
            if (report != null) {
                ReportFile.checkWritable(report);
            }
        }
        CodeOptions.Build build = buildOptions.build(model, options.board());
        CompiledModel compiled = build.compiled();
        VerifyReport report = build.withBuildFacts(portSpec == null
                ? new Verifier(ctx.provisioner(), ctx.env(), ctx.err(), ctx.errIsTerminal()).verify(compiled, build.packing(), dataset, options)
                : new HilVerifier(ctx.err()).verify(compiled, build.packing(), dataset,
                        buildOptions.emitter(build, model), options.board(), portSpec, options.timeout()));
        ctx.out().print(report.summary());
        if (json != null) {
            ReportFile.write(json, report.toJson());
        }
        if (junitXml != null) {
            ReportFile.write(junitXml, JUnitXmlReport.of(report));
        }
        if (html != null) {
            ReportFile.write(html, HtmlReport.verify(report));
        }
        return report.passed() ? 0 : Main.EXIT_DISAGREES;
    }

    /** The same command inside the verification image, with the same files and reports. */
    private int runInContainer() {
        if (port != null || workDir != null || html != null) {
            // the HTML report plots each example's scores, which only the JSON's summary comes back with
            throw new dev.fgc.UserError("--in-container runs the emulators inside the container; it cannot be"
                    + " combined with " + (port != null ? "--port" : workDir != null ? "--work-dir" : "--html"));
        }
        return new ContainerVerifier(ctx.out(), ctx.err()).run(ContainerArguments.of(
                spec.commandLine().getParseResult(), Optional.ofNullable(json), Optional.ofNullable(junitXml)));
    }
}
