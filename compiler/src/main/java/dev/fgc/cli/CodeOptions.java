package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.emit.CPrefix;
import dev.fgc.load.Dataset;
import dev.fgc.load.DatasetLoader;
import dev.fgc.model.Model;
import dev.fgc.pack.FactorChoice;
import dev.fgc.pack.Layout;
import dev.fgc.pack.Packing;
import dev.fgc.pack.SizeReport;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.quantize.Precision;
import dev.fgc.quantize.PrecisionPlanner;
import dev.fgc.report.QuantizationReport;
import dev.fgc.verify.VerifyReport;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the C is generated: number format, calibration, identifier prefix. */
final class CodeOptions {
    private static final String DEFAULT_MAX_ACCURACY_DROP = "1.0";

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float",
            description = "float (default), int16, int8 or auto (8 or 16 bits per weight matrix)")
    String precision;

    @Option(names = "--calibrate", paramLabel = "DATA.npy",
            description = "examples (EdgeML layout) whose activation ranges set the fixed-point formats;"
                    + " without it a conservative bound is used")
    Path calibrate;

    @Option(names = "--max-accuracy-drop", paramLabel = "POINTS", defaultValue = DEFAULT_MAX_ACCURACY_DROP,
            description = "with --precision auto: accuracy the model may lose on the calibration data,"
                    + " in percentage points (default 1.0)")
    double maxAccuracyDrop;

    @Option(names = "--prefix", paramLabel = "NAME", description = "C identifier prefix; default from the model's name")
    String prefix;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "auto",
            description = "weight storage: auto (default: the smaller per matrix), dense or sparse")
    String layout;

    /**
     * Options made by a command that builds several variants of a model (bench): a precision, a
     * layout and calibration data; the prefix from the model's name, the accuracy budget its default.
     */
    static CodeOptions of(Precision precision, Layout.Policy layout, Optional<Path> calibrate) {
        CodeOptions o = new CodeOptions();
        o.precision = precision.label();
        o.layout = layout.label();
        o.calibrate = calibrate.orElse(null);
        o.maxAccuracyDrop = Double.parseDouble(DEFAULT_MAX_ACCURACY_DROP);
        return o;
    }

    /** These options as a command line that rebuilds the same C (paths as file names). */
    String describe(Model model) {
        StringBuilder b = new StringBuilder("--precision " + precision().label());
        if (calibrate != null) {
            b.append(" --calibrate ").append(calibrate.getFileName());
        }
        if (precision() == Precision.AUTO) {
            b.append(" --max-accuracy-drop ").append(maxAccuracyDrop);
        }
        if (!"auto".equals(layout)) {
            b.append(" --layout ").append(layout);
        }
        return b.append(" --prefix ").append(prefix(model).lower()).toString();
    }

    Precision precision() {
        return Precision.parse(precision);
    }

    CPrefix prefix(Model model) {
        return prefix == null ? CPrefix.fromName(model.name()) : new CPrefix(prefix);
    }

    Optional<Dataset> calibration(Model model) {
        return Optional.ofNullable(calibrate).map(p -> DatasetLoader.load(p, model));
    }

    /** Low-rank projections in their chosen form, then the precision's formats. */
    CompiledModel compile(Model model, Optional<Dataset> calibration) {
        if (maxAccuracyDrop < 0 || !Double.isFinite(maxAccuracyDrop)) {
            throw new UserError("--max-accuracy-drop " + maxAccuracyDrop + ": must be a percentage, 0 or more");
        }
        Layout.Policy.parse(layout); // a bad --layout fails before any work
        return PrecisionPlanner.plan(FactorChoice.of(model).apply(), precision(), calibration, maxAccuracyDrop);
    }

    Layout.Policy layoutPolicy() {
        return Layout.Policy.parse(layout);
    }

    Packing packing(CompiledModel compiled) {
        return Packing.of(compiled, layoutPolicy());
    }

    /** A model compiled at its precision and packed, with the calibration data and the sizes. */
    record Build(Optional<Dataset> calibration, CompiledModel compiled, Packing packing, SizeReport sizes) {
        Model model() {
            return compiled.model();
        }

        /** A verification of this build with the build's own facts: size accounting, and quantization. */
        VerifyReport withBuildFacts(VerifyReport report) {
            VerifyReport r = report.withSizes(sizes);
            return compiled.plan().isEmpty() ? r
                    : r.withQuantization(QuantizationReport.of(compiled.plan().get(), calibration));
        }
    }

    Build build(Model model) {
        Optional<Dataset> calibration = calibration(model);
        CompiledModel compiled = compile(model, calibration);
        Packing packing = packing(compiled);
        return new Build(calibration, compiled, packing, SizeReport.of(compiled, packing));
    }
}
