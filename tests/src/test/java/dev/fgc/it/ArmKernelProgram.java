package dev.fgc.it;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.DeviceRun;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.QemuEmulator;
import dev.fgc.device.Toolchain;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.FirmwareEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.Resources;
import dev.fgc.emit.RuntimeFiles;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.testing.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test program for the Cortex-M kernels: a main.c that checks them on the core itself (its
 * return value, the count of wrong results, becomes QEMU's exit code) and brackets the code to be
 * measured with fw_mark_begin / fw_mark_end (MARKERS), built with the board's startup files and the
 * runtime's headers and run under QEMU with the instruction counter.
 */
final class ArmKernelProgram {
    /** The measured code goes between calls of these two (QEMU's plugin counts what runs between them). */
    static final String MARKERS = """
            __attribute__((noinline, used)) void fw_mark_begin(void) { __asm__ volatile("" ::: "memory"); }
            __attribute__((noinline, used)) void fw_mark_end(void) { __asm__ volatile("" ::: "memory"); }
            """;

    private ArmKernelProgram() {
    }

    /** Builds {@code main} (which should start with MARKERS) with {@code sources} (runtime-c/src) for the board and runs it. */
    static DeviceRun run(Path dir, String boardName, String main, List<String> sources) {
        Board board = BoardCatalog.load().byName(boardName);
        HostEnvironment env = HostEnvironment.current();
        Provisioner provisioner = new Provisioner(env, System.err);
        Toolchain toolchain = Toolchain.forBoard(board, provisioner);
        Model usps = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        GeneratedFiles fw = new FirmwareEmitter(new CModelEmitter(usps, new CPrefix("usps")))
                .emit(board, CompiledModel.floating(usps), 0);
        GeneratedFiles files = new GeneratedFiles()
                .add("fw_startup.c", fw.text("fw_startup.c"))
                .add("fw_firmware.h", fw.text("fw_firmware.h"))
                .add(FirmwareEmitter.LINKER_SCRIPT, fw.text(FirmwareEmitter.LINKER_SCRIPT))
                .add("main.c", main);
        for (String h : RuntimeFiles.fixedHeaders()) {
            files.add(h, Resources.bytes("runtime-c/include/" + h));
        }
        for (String c : sources) {
            files.add(c, Resources.bytes("runtime-c/src/" + c));
        }
        files.writeTo(dir);
        List<String> all = new ArrayList<>(List.of("fw_startup.c", "main.c"));
        all.addAll(sources);
        toolchain.link(dir, all, "t.elf");
        Path elf = dir.resolve("t.elf");
        return new QemuEmulator(board, provisioner, env).run(elf, toolchain.sizes(elf), Duration.ofSeconds(120));
    }
}
