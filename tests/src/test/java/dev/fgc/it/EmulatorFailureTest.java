package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.DeviceFailure;
import dev.fgc.emit.CModelEmitter;
import dev.fgc.emit.CPrefix;
import dev.fgc.emit.FirmwareEmitter;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.load.LoadOptions;
import dev.fgc.load.ModelLoader;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.device.ArmToolchain;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.QemuEmulator;
import dev.fgc.testing.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A firmware that faults or hangs ends promptly with a clear message instead of hanging the run. */
class EmulatorFailureTest {
    private static final String MARKERS = """
            void fw_mark_begin(void) { __asm__ volatile("" ::: "memory"); }
            void fw_mark_end(void) { __asm__ volatile("" ::: "memory"); }
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"microbit", "mps2-an386", "mps2-an505"})
    void faultExitsWith99AndHangTimesOut(String boardName) {
        Board board = BoardCatalog.load().byName(boardName);
        HostEnvironment env = HostEnvironment.current();
        Provisioner provisioner = new Provisioner(env, System.err);
        ArmToolchain toolchain = new ArmToolchain(board, provisioner);
        QemuEmulator qemu = new QemuEmulator(board, provisioner, env);

        Path fault = build(board, toolchain, "fault", MARKERS + """
                int main(void) { fw_mark_begin(); *(volatile unsigned *)0x9FFFFFF0u = 1u; fw_mark_end(); return 0; }
                """);
        QemuEmulator.Run run = qemu.run(fault, 0, 0, Duration.ofSeconds(60));
        assertEquals(99, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("fgc: fault: exception 003"), run.stderr());

        Path hang = build(board, toolchain, "hang", MARKERS + """
                int main(void) { volatile unsigned n = 0; for (;;) { n++; } }
                """);
        DeviceFailure e = assertThrows(DeviceFailure.class, () -> qemu.run(hang, 0, 0, Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
    }

    private Path build(Board board, ArmToolchain toolchain, String name, String main) {
        Model usps = ModelLoader.load(Repo.usps(), LoadOptions.defaults());
        GeneratedFiles fw = new FirmwareEmitter(new CModelEmitter(usps, new CPrefix("usps")))
                .emit(board, CompiledModel.floating(usps), 0);
        Path dir = tmp.resolve(name + "-" + board.name());
        new GeneratedFiles()
                .add("fw_startup.c", fw.text("fw_startup.c"))
                .add("fw_firmware.h", fw.text("fw_firmware.h"))
                .add(FirmwareEmitter.LINKER_SCRIPT, fw.text(FirmwareEmitter.LINKER_SCRIPT))
                .add("main.c", main)
                .writeTo(dir);
        toolchain.link(dir, List.of("fw_startup.c", "main.c"), "fw.elf");
        return dir.resolve("fw.elf");
    }
}
