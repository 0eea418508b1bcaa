package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.DeviceFailure;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.DeviceRun;
import dev.fgc.device.FirmwareRunner;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Toolchain;
import dev.fgc.emit.GeneratedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fgc's simavr runner on any AVR image: raw UART bytes, the status left in GPIOR0, exact and
 * repeatable cycle counts between the GPIOR1/GPIOR2 markers; a crash or a hang ends promptly with a
 * clear message.
 */
class SimavrRunnerTest {
    private static final String UART = """
            #include <avr/interrupt.h>
            #include <avr/io.h>
            #include <avr/sleep.h>
            static inline void put(char c) { loop_until_bit_is_set(UCSR0A, UDRE0); UDR0 = (unsigned char)c; }
            static inline void stop(unsigned char status) { GPIOR0 = status; cli(); sleep_enable(); for (;;) sleep_cpu(); }
            volatile unsigned long sink;
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "arduino-mega2560"})
    void rawOutputStatusAndExactCycles(String boardName) {
        Board board = BoardCatalog.load().byName(boardName);
        Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
        Toolchain toolchain = Toolchain.forBoard(board, provisioner);
        FirmwareRunner runner = FirmwareRunner.forBoard(board, provisioner, HostEnvironment.current());

        Path ok = build(toolchain, "ok", UART + """
                int main(void) {
                    unsigned char i;
                    const char *s = "hi\\x01\\xff\\n";
                    UCSR0A = 1 << U2X0; UBRR0 = 0; UCSR0B = 1 << TXEN0;
                    while (*s) put(*s++);
                    for (i = 0; i < 3; i++) {
                        unsigned char k;
                        GPIOR1 = 1;
                        for (k = 0; k < 50; k++) sink += k;
                        GPIOR2 = 1;
                    }
                    stop(42);
                }
                """);
        DeviceRun first = runner.run(ok, toolchain.sizes(ok), Duration.ofSeconds(30));
        assertEquals("hi\u0001\u00ff\n", first.output(), "the UART's bytes, untouched");
        assertEquals(42, first.exitCode());
        assertTrue(first.failure().isEmpty(), first.diagnostics());
        assertEquals(DeviceRun.Unit.CYCLES, first.unit());
        assertEquals(3, first.intervals());
        assertTrue(first.perInterval() > 50 * 10 && first.counted() % 3 == 0, first.toString());
        DeviceRun second = runner.run(ok, toolchain.sizes(ok), Duration.ofSeconds(30));
        assertEquals(first.counted(), second.counted(), "the cycle count is deterministic");

        Path crash = build(toolchain, "crash", UART + """
                int main(void) { *(volatile unsigned char *)0x7000 = 1; stop(0); }
                """);
        DeviceRun crashed = runner.run(crash, toolchain.sizes(crash), Duration.ofSeconds(30));
        assertTrue(crashed.failure().orElse("").contains("simavr stopped the processor"), crashed.toString());
        assertTrue(crashed.failure().get().contains("out of ram"), crashed.failure().get());

        Path hang = build(toolchain, "hang", UART + """
                int main(void) { for (;;) { sink++; } }
                """);
        DeviceFailure e = assertThrows(DeviceFailure.class,
                () -> runner.run(hang, toolchain.sizes(hang), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }

    private Path build(Toolchain toolchain, String name, String main) {
        Path dir = tmp.resolve(name);
        new GeneratedFiles().add("main.c", main).writeTo(dir);
        toolchain.link(dir, List.of("main.c"), "fw.elf");
        return dir.resolve("fw.elf");
    }
}
