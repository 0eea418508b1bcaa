package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.model.Model;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/** A build that must run on a board: the build options plus the memory budgets it is checked against. */
final class BoardBuildOptions extends BuildOptions {
    @Mixin
    LimitOptions limits;

    /** The model built, after checking the board can run its precision and it fits the board and the limits. */
    CodeOptions.Build build(Model model, Board board) {
        return build(model, Optional.of(board));
    }

    /** As {@link #build(Model, Board)}, checked only when there is a board. */
    CodeOptions.Build build(Model model, Optional<Board> board) {
        CodeOptions.Build build = build(model);
        board.ifPresent(b -> limits.check(build, b));
        return build;
    }

    /** The emitter of the build's C, named with the prefix of the model as loaded. */
    CModelEmitter emitter(CodeOptions.Build build, Model model) {
        return new CModelEmitter(build.compiled().model(), prefix(model));
    }
}
