package dev.fgc.it;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.DeviceRun;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import dev.fgc.device.SimavrRunner;
import dev.fgc.device.Toolchain;
import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.Resources;
import dev.fgc.emit.RuntimeFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test program for the AVR kernels: a main.c that checks them on the core itself (leaving the
 * number of wrong results in GPIOR0 and stopping with cli and sleep), built for the Uno with the
 * runtime's headers and run under simavr.
 */
final class AvrKernelProgram {
    /** The end of every such main: the count of wrong results as the exit status, then stop. */
    static final String STOP = """
                GPIOR0 = bad;
                cli();
                sleep_enable();
                for (;;) {
                    sleep_cpu();
                }
            """;

    private AvrKernelProgram() {
    }

    /** Builds {@code main} with the runtime's headers and {@code sources} (runtime-c/src) in dir and runs it. */
    static DeviceRun run(Path dir, String main, List<String> sources) {
        Board board = BoardCatalog.load().byName("arduino-uno");
        Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
        Toolchain toolchain = Toolchain.forBoard(board, provisioner);
        GeneratedFiles files = new GeneratedFiles().add("main.c", main);
        for (String h : RuntimeFiles.fixedHeaders()) {
            files.add(h, Resources.bytes("runtime-c/include/" + h));
        }
        for (String c : sources) {
            files.add(c, Resources.bytes("runtime-c/src/" + c));
        }
        files.writeTo(dir);
        List<String> all = new ArrayList<>(List.of("main.c"));
        all.addAll(sources);
        toolchain.link(dir, all, "t.elf");
        return new SimavrRunner(board, provisioner, HostEnvironment.current()).run(dir.resolve("t.elf"),
                Duration.ofSeconds(120));
    }
}
