package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.device.DeviceRun;
import dev.fgc.device.ElfSizes;
import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.SimavrRunner;
import dev.fgc.device.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a sketch the way the Arduino IDE does, with Debian's arduino-builder and AVR core (recipe
 * of /work/shared/docs/toolchains.md: the core needs DECIMAL_DIG with Debian's avr-gcc 5.4, and the
 * ctags tool named), and runs the result under simavr.
 */
final class ArduinoBuilder {
    private static final Pattern FLASH = Pattern.compile("Sketch uses (\\d+) bytes");
    private static final Pattern RAM = Pattern.compile("Global variables use (\\d+) bytes");

    /** The image and what the builder reports: program storage (flash) and global variables (RAM). */
    record Build(Path elf, long flashBytes, long ramBytes) {
    }

    private ArduinoBuilder() {
    }

    static Build build(Path libraries, Path sketch, String fqbn, Path buildDir, String extraCppFlags)
            throws IOException {
        String builder = Commands.tool(Tool.ARDUINO_BUILDER);
        Commands.tool(Tool.AVR_GCC);
        Files.createDirectories(buildDir);
        ProcessRunner.Result r = Commands.ok(sketch.getParent(), builder, "-compile",
                "-hardware", "/usr/share/arduino/hardware", "-tools", "/usr/bin", "-libraries", libraries,
                "-fqbn", fqbn, "-build-path", buildDir,
                "-prefs", "tools.ctags.path=/usr/bin", "-prefs", "tools.ctags.cmd.path={path}/arduino-ctags",
                "-prefs", "tools.ctags.pattern=\"{cmd.path}\" -u --language-force=c++ -f - --c++-kinds=svpf"
                        + " --fields=KSTtzns --line-directives \"{source_file}\"",
                "-prefs", "compiler.path=/usr/bin/",
                "-prefs", "compiler.cpp.extra_flags=-DDECIMAL_DIG=17 " + extraCppFlags, sketch);
        Matcher flash = FLASH.matcher(r.output());
        Matcher ram = RAM.matcher(r.output());
        assertTrue(flash.find() && ram.find(), "no size report in\n" + r.output());
        Path elf = buildDir.resolve(sketch.getFileName() + ".elf");
        assertTrue(Files.isRegularFile(elf), elf.toString());
        return new Build(elf, Long.parseLong(flash.group(1)), Long.parseLong(ram.group(1)));
    }

    /**
     * Runs an image under simavr through fgc's own runner (the one {@code fgc verify} uses for AVR
     * boards) until it sleeps with interrupts off: its UART bytes and the exit status it left in GPIOR0.
     */
    static DeviceRun simulate(Path elf, String board) {
        Provisioner provisioner = new Provisioner(HostEnvironment.current(), System.err);
        Board b = BoardCatalog.load().byName(board);
        ElfSizes image = ElfSizes.read(provisioner.ensure(Tool.AVR_SIZE, "test"), provisioner.ensure(Tool.AVR_NM, "test"),
                elf);
        return new SimavrRunner(b, provisioner, HostEnvironment.current()).run(elf, image, Duration.ofSeconds(60));
    }
}
