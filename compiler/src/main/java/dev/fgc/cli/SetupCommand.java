package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.FirmwareRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs (when missing) and checks the toolchain and emulator of a board, or of all boards.")
final class SetupCommand implements Runnable {
    private final Context ctx;

    @Mixin
    BoardOption boardOption;

    @Option(names = "--all", description = "every board fgc knows")
    boolean all;

    SetupCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        List<Board> boards = all ? BoardCatalog.load().all() : List.of(boardOption.resolve());
        Provisioner provisioner = ctx.provisioner();
        for (Board b : boards) {
            List<Tool> tools = new ArrayList<>(Tool.forToolchain(b.toolchain()));
            tools.addAll(Tool.forEmulator(b.emulator()));
            Map<Tool, Path> found = provisioner.ensure(tools, "board " + b.name());
            FirmwareRunner.forBoard(b, provisioner, ctx.env()); // builds its host helper (plugin, runner)
            ctx.out().printf(Locale.ROOT, "%-16s ok: %s%n", b.name(), String.join(", ",
                    found.values().stream().map(Path::toString).distinct().toList()));
        }
    }
}
