package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.fgc.device.DeviceRun;
import dev.fgc.device.FirmwareRunner;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.QemuEmulator;
import dev.fgc.testing.Repo;
import dev.fgc.verify.RunCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A firmware that faults, hangs or overruns its stack ends promptly, through the path verify takes,
 * with a message naming the board and the cause instead of hanging the run.
 */
class EmulatorFailureTest {
    private static final String MARKERS = """
            __attribute__((noinline, used)) void fw_mark_begin(void) { __asm__ volatile("" ::: "memory"); }
            __attribute__((noinline, used)) void fw_mark_end(void) { __asm__ volatile("" ::: "memory"); }
            """;

    // recursion with a frame of its own at every level, far deeper than any board's stack
    private static final String RECURSION = """
            __attribute__((noinline)) unsigned deep(unsigned n) {
                volatile unsigned pad[16];
                pad[n & 15u] = n;
                return n == 0u ? 0u : deep(n - 1u) + pad[(n + 1u) & 15u];
            }
            int main(void) { fw_mark_begin(); unsigned r = deep(100000000u); fw_mark_end(); return (int)r; }
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
        long start = System.nanoTime();
        DeviceFailure e = assertThrows(DeviceFailure.class, () -> qemu.run(hang, 0, 0, Duration.ofSeconds(2)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("did not finish within 2 s on board " + boardName), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "ended at its timeout: " + took);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microbit", "mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505"})
    void stackOverflowIsNamedAsSuch(String boardName) {
        Board board = BoardCatalog.load().byName(boardName);
        HostEnvironment env = HostEnvironment.current();
        Provisioner provisioner = new Provisioner(env, System.err);
        ArmToolchain toolchain = new ArmToolchain(board, provisioner);
        FirmwareRunner qemu = FirmwareRunner.forBoard(board, provisioner, env);

        Path elf = build(board, toolchain, "overflow", MARKERS + RECURSION);
        long start = System.nanoTime();
        DeviceRun run = qemu.run(elf, toolchain.sizes(elf), Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        DeviceFailure e = assertThrows(DeviceFailure.class, () -> RunCheck.check(run, 1, board, 10, elf));
        String m = e.getMessage();
        assertTrue(m.contains("on board " + boardName + ": the firmware overran its " + board.stackSize()
                + "-byte stack (fgc: fault: stack overflow (exception 003, SP 0x"), m);
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "ended within its timeout: " + took);
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
