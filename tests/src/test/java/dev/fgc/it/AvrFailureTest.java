package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.DeviceFailure;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.FirmwareRunner;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Toolchain;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.verify.RunCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On AVR, the failures a Cortex-M core would fault on end the simulation within its timeout, through
 * the path verify takes, with one line naming the board and the cause: a jump where no code is, an
 * endless loop, and a stack that grows down into .data and .bss.
 */
class AvrFailureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String STOP = """
            #include <avr/interrupt.h>
            #include <avr/io.h>
            #include <avr/sleep.h>
            static inline void stop(unsigned char status) { GPIOR0 = status; cli(); sleep_enable(); for (;;) sleep_cpu(); }
            volatile unsigned char table[64] = {1};
            volatile unsigned char zeros[64];
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "arduino-mega2560"})
    void jumpToNoCodeIsNamed(String boardName) {
        String m = failure(boardName, "jump", STOP + """
                int main(void) { void (*nowhere)(void) = (void (*)(void))0x3F00; nowhere(); stop(0); }
                """);
        assertTrue(m.contains("simavr stopped the processor after"), m);
        assertTrue(m.contains("jumped to 0x07E00, beyond the image's"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "arduino-mega2560"})
    void endlessLoopEndsAtTheTimeout(String boardName) {
        String m = failure(boardName, "loop", STOP + """
                int main(void) { for (;;) { zeros[0]++; } }
                """);
        assertTrue(m.contains("did not finish within 32000000 cycles (2 s at 16 MHz"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "arduino-mega2560"})
    void stackOverflowIntoBssIsNamed(String boardName) {
        String m = failure(boardName, "overflow", STOP + """
                __attribute__((noinline)) unsigned deep(unsigned n) {
                    volatile unsigned char pad[8];
                    pad[n & 7u] = (unsigned char)n;
                    return n == 0u ? 0u : deep(n - 1u) + pad[(n + 1u) & 7u] + zeros[n & 63u] + table[n & 63u];
                }
                int main(void) { stop((unsigned char)deep(60000u)); }
                """);
        assertTrue(m.contains("the stack overflowed into .data/.bss after"), m);
        assertTrue(m.contains("(stack overflow: SP 0x"), m);
    }

    /** The one-line failure of the image built from {@code main}, as verify would report it. */
    private String failure(String boardName, String name, String main) {
        Board board = BoardCatalog.load().byName(boardName);
        Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
        Toolchain toolchain = Toolchain.forBoard(board, provisioner);
        FirmwareRunner runner = FirmwareRunner.forBoard(board, provisioner, HostEnvironment.current());
        Path dir = tmp.resolve(name + "-" + boardName);
        new GeneratedFiles().add("main.c", main).writeTo(dir);
        toolchain.link(dir, List.of("main.c"), "fw.elf");
        Path elf = dir.resolve("fw.elf");
        long start = System.nanoTime();
        DeviceFailure e = assertThrows(DeviceFailure.class,
                () -> RunCheck.check(runner.run(elf, toolchain.sizes(elf), TIMEOUT), 1, board, 10, elf));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String m = e.getMessage();
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(2)) < 0, "ended within its timeout: " + took + ": " + m);
        assertTrue(m.contains("on board " + boardName), m);
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }
}
