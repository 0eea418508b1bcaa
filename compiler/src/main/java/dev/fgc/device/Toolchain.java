package dev.fgc.device;

import java.nio.file.Path;
import java.util.List;

/** Compiles and links a board's firmware, and measures the linked image. */
public interface Toolchain {
    /** The warning flags every generated file must pass, as the product promises. */
    List<String> STRICT_FLAGS = List.of("-std=c99", "-Wall", "-Wextra", "-Werror");

    /** The compiler with the board's flags, the strict warnings and the optimisation; sources follow. */
    List<String> compileCommand();

    /** Compiles and links {@code sources} (relative to {@code dir}) into {@code elf}. */
    void link(Path dir, List<String> sources, String elf);

    /**
     * As {@link #link}, for an image that runs on the board itself with no debugger or emulator
     * attached (the hardware-in-the-loop firmware); the same as {@code link} where images never
     * depend on one.
     */
    default void linkStandalone(Path dir, List<String> sources, String elf) {
        link(dir, sources, elf);
    }

    /** Section and symbol sizes of a linked image. */
    ElfSizes sizes(Path elf);

    /** The toolchain a board names ({@code toolchain=} in its descriptor). */
    static Toolchain forBoard(Board board, Provisioner provisioner) {
        return switch (board.toolchain()) {
            case "arm-none-eabi" -> new ArmToolchain(board, provisioner);
            case "avr" -> new AvrToolchain(board, provisioner);
            default -> throw new IllegalArgumentException("board " + board.name() + ": unknown toolchain "
                    + board.toolchain());
        };
    }
}
