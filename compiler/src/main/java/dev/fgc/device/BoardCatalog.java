package dev.fgc.device;

import dev.fgc.UserError;
import dev.fgc.emit.Resources;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** The boards fgc knows: every {@code boards/*.properties} shipped in the jar. */
public final class BoardCatalog {
    private static final String DIR = "boards";
    private final List<Board> boards;

    private BoardCatalog(List<Board> boards) {
        this.boards = boards;
    }

    public static BoardCatalog load() {
        List<Board> boards = ResourceListing.names(DIR).stream()
                .filter(n -> n.endsWith(".properties"))
                .sorted()
                .map(n -> parse(n.substring(0, n.length() - ".properties".length())))
                .toList();
        if (boards.stream().filter(Board::isDefault).count() != 1) {
            throw new IllegalStateException("exactly one board descriptor must say default=true");
        }
        return new BoardCatalog(boards);
    }

    private static Board parse(String name) {
        return Board.parse(name, descriptor(name), "boards/" + name + ".properties");
    }

    /**
     * A key of the board's descriptor that only one feature reads and most boards lack, such as
     * {@code uart} (the hardware-in-the-loop firmware's UART driver and its address).
     */
    public static Optional<String> optionalKey(Board board, String key) {
        return Optional.ofNullable(descriptor(board.name()).getProperty(key)).map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    private static Properties descriptor(String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Resources.text(DIR + "/" + name + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public List<Board> all() {
        return boards;
    }

    public Board defaultBoard() {
        return boards.stream().filter(Board::isDefault).findFirst().orElseThrow();
    }

    public Board byName(String name) {
        return boards.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new UserError("unknown board '" + name + "': known boards are "
                        + boards.stream().map(Board::name).collect(Collectors.joining(", "))
                        + " (see 'fgc boards')"));
    }
}
