package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.model.Model;
import dev.fgc.quantize.Precision;
import dev.fgc.target.Board;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Writes a self-contained C package for the model: <prefix>_model.h/.c and the runtime files.")
final class CompileCommand implements Runnable {
    private final Context ctx;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    BoardOption boardOption;

    @Mixin
    CodeOptions codeOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    CompileCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Model model = modelOptions.load();
        Board board = boardOption.resolve();
        Precision p = codeOptions.precision();
        CModelEmitter emitter = new CModelEmitter(model, codeOptions.prefix(model));
        long constants = (long) Float.BYTES * (model.parameters() + 2L * model.features());
        if (constants > board.flash().size()) {
            throw new UserError("model '" + model.name() + "' needs " + constants + " bytes of constants, board "
                    + board.name() + " has " + board.flash().size() + " bytes of flash");
        }
        GeneratedFiles files = emitter.emit(p);
        files.writeTo(output);
        ctx.out().printf("fgc: wrote %d files to %s (include %s; %d bytes of model constants)%n",
                files.asMap().size(), output, emitter.headerName(), constants);
    }
}
