package dev.fgc.export;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.model.Model;
import dev.fgc.pack.Packing;
import dev.fgc.pack.SizeReport;
import dev.fgc.quantize.CompiledModel;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every export packages: a model compiled and packed exactly as {@code fgc verify} builds it,
 * its C prefix, the board it targets (exports that have one), the built-in sample, the package
 * version, the fgc options that rebuild the same sources ({@code --precision int8 …}), and the
 * summary of a {@code fgc verify} run of these sources when the export ran one.
 */
public record ExportInput(CompiledModel compiled, Packing packing, SizeReport sizes, CPrefix prefix,
                          Optional<Board> board, BuiltInSample sample, String version, String buildOptions,
                          Optional<Verification> verification) {

    /** A passed {@code fgc verify} of the package's sources: on which examples, and its summary. */
    public record Verification(String data, String summary) {
    }

    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]{0,5})(\\.(0|[1-9][0-9]{0,5})){2}");

    public ExportInput {
        if (!SEMVER.matcher(version).matches()) {
            throw new UserError("--package-version " + version + ": expected MAJOR.MINOR.PATCH, e.g. 1.0.0"
                    + " (CMake, PlatformIO and Arduino all read it)");
        }
    }

    public Model model() {
        return compiled.model();
    }

    public CModelEmitter emitter() {
        return new CModelEmitter(model(), prefix);
    }

    /** The board, for exports that cannot do without one. */
    public Board requireBoard() {
        return board.orElseThrow(() -> new IllegalStateException("this export needs a board"));
    }
}
