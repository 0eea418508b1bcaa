package dev.fgc.hil;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Toolchain;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.HilFirmwareEmitter;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the hardware-in-the-loop firmware image for a board: the model package, the frame loop
 * and the UART driver, linked without semihosting. The folder gets the sources and {@value #ELF},
 * or nothing when the build fails.
 */
public final class HilFirmware {
    public static final String ELF = "hil.elf";

    private HilFirmware() {
    }

    public static Path build(CompiledModel compiled, Packing packing, CModelEmitter emitter, Board board,
                             Provisioner provisioner, Path output) {
        GeneratedFiles modelPackage = emitter.emit(compiled, packing);
        GeneratedFiles all = new GeneratedFiles().addAll(modelPackage)
                .addAll(new HilFirmwareEmitter(emitter).emit(board, compiled, ModelFingerprint.of(modelPackage)));
        Toolchain toolchain = Toolchain.forBoard(board, provisioner);
        Path stage = stagingDir(output);
        try {
            all.writeTo(stage);
            List<String> sources = all.asMap().keySet().stream().filter(n -> n.endsWith(".c")).toList();
            toolchain.linkStandalone(stage, sources, ELF);
            all.add(ELF, Files.readAllBytes(stage.resolve(ELF))).writeTo(output);
        } catch (IOException e) {
            throw new UserError(output + ": cannot write the firmware (" + e.getMessage() + ")");
        } finally {
            GeneratedFiles.deleteTree(stage);
        }
        return output.resolve(ELF);
    }

    private static Path stagingDir(Path output) {
        try {
            return Files.createTempDirectory("fgc-hil-");
        } catch (IOException e) {
            throw new UserError(output + ": cannot create a temporary build folder (" + e.getMessage() + ")");
        }
    }
}
