package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import picocli.CommandLine.Option;

/** {@code --board NAME}, defaulting to the catalogue's default board. */
final class BoardOption {
    @Option(names = "--board", paramLabel = "BOARD", description = "target board (see 'fgc boards'); default mps2-an386")
    String board;

    Board resolve() {
        BoardCatalog catalog = BoardCatalog.load();
        return board == null ? catalog.defaultBoard() : catalog.byName(board);
    }
}
