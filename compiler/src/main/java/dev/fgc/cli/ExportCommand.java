package dev.fgc.cli;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.export.Exporter;
import dev.fgc.export.arduino.ArduinoExport;
import dev.fgc.export.cmake.CMakeExport;
import dev.fgc.export.platformio.PlatformIoExport;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fgc export KIND}: packages a compiled model for the build system its user already has. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Packages a compiled model for a build system or language: java, cmake, platformio or arduino.")
final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an export is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The {@code export} command with every kind of package as a subcommand. */
    static CommandLine commandLine(Context ctx) {
        return new CommandLine(new ExportCommand())
                .addSubcommand("java", new ExportJavaCommand(ctx))
                .addSubcommand("cmake", new Cmake(ctx))
                .addSubcommand("platformio", new PlatformIo(ctx))
                .addSubcommand("arduino", new Arduino(ctx));
    }

    /** An export for one board, {@code --board} (default the catalogue's): its fit and its compiler flags. */
    abstract static class BoardExport extends PackageExportCommand {
        @Mixin
        BoardOption boardOption;

        BoardExport(Context ctx) {
            super(ctx);
        }

        @Override
        Optional<Board> board() {
            return Optional.of(boardOption.resolve());
        }
    }

    /** A library for many boards: {@code --board}, when given, only checks that the model fits it. */
    abstract static class FitExport extends PackageExportCommand {
        @Option(names = "--board", paramLabel = "BOARD",
                description = "a board the model must fit, e.g. arduino-uno (see 'fgc boards'); default none")
        String board;

        FitExport(Context ctx) {
            super(ctx);
        }

        @Override
        Optional<Board> board() {
            return Optional.ofNullable(board).map(BoardCatalog.load()::byName);
        }
    }

    @Command(name = "cmake", mixinStandardHelpOptions = true,
            description = "Writes a CMake package: library target <prefix>::model, install and find_package"
                    + " config, a host program classifying .npy/CSV rows, a ctest, and a toolchain file that"
                    + " cross-builds for the board.")
    static final class Cmake extends BoardExport {
        Cmake(Context ctx) {
            super(ctx);
        }

        @Override
        Exporter exporter() {
            return new CMakeExport();
        }
    }

    @Command(name = "platformio", mixinStandardHelpOptions = true,
            description = "Writes a PlatformIO library (library.json) with an example project for uno,"
                    + " megaatmega2560, due, nano33ble and native, and a unit test of the built-in sample.")
    static final class PlatformIo extends FitExport {
        PlatformIo(Context ctx) {
            super(ctx);
        }

        @Override
        Exporter exporter() {
            return new PlatformIoExport();
        }
    }

    @Command(name = "arduino", mixinStandardHelpOptions = true,
            description = "Writes an Arduino library (library.properties, src/) with an example sketch that"
                    + " classifies a built-in sample and timesteps read from Serial.")
    static final class Arduino extends FitExport {
        Arduino(Context ctx) {
            super(ctx);
        }

        @Override
        Exporter exporter() {
            return new ArduinoExport();
        }
    }
}
