package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import picocli.CommandLine.Command;
import java.util.Locale;

@Command(name = "boards", mixinStandardHelpOptions = true, description = "Lists the boards fgc can compile for.")
final class BoardsCommand implements Runnable {
    private final Context ctx;

    BoardsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ctx.out().printf(Locale.ROOT, "%-16s %-10s %-12s %9s %9s %6s  %s%n", "board", "core", "fpu", "flash", "RAM", "MHz",
                "emulator");
        for (Board b : BoardCatalog.load().all()) {
            ctx.out().printf(Locale.ROOT, "%-16s %-10s %-12s %8dK %8dK %6d  %s %s %s%s%n", b.name(), b.core(), b.fpu(),
                    b.flash().size() / 1024, b.ram().size() / 1024, b.clockHz() / 1_000_000, b.emulator(),
                    b.emulator().equals("simavr") ? "-m" : "-M", b.emulatorMachine(), b.isDefault() ? "  (default)" : "");
        }
    }
}
