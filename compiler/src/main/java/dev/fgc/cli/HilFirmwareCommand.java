package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.hil.HilFirmware;
import dev.fgc.model.Model;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hil-firmware", mixinStandardHelpOptions = true,
        description = "Builds the hardware-in-the-loop firmware: the model behind a framed protocol on the board's"
                + " UART, for 'fgc verify --port'. Writes its sources and hil.elf to the output folder.")
final class HilFirmwareCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    BoardBuildOptions buildOptions;

    @Mixin
    BoardOption boardOption;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    HilFirmwareCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Model model = buildOptions.load();
        Board board = boardOption.resolve();
        CodeOptions.Build build = buildOptions.build(model, board);
        CModelEmitter emitter = buildOptions.emitter(build, model);
        Path elf = HilFirmware.build(build.compiled(), build.packing(), emitter, board, ctx.provisioner(), output);
        ctx.out().printf(Locale.ROOT, "fgc: wrote the hardware-in-the-loop firmware for %s to %s (%s); flash it, then run"
                + " fgc verify with the same options and --port%n", board.name(), elf, build.compiled().precision()
                .label());
        return 0;
    }
}
