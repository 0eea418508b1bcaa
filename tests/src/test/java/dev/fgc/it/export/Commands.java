package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.ProcessRunner;
import dev.fgc.device.Provisioner;
import dev.fgc.device.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the build tools an exported package is meant for, failing the test with their output. */
final class Commands {
    private Commands() {
    }

    /** The tool's absolute path, installed through the Provisioner when missing (never a skip). */
    static String tool(Tool tool) {
        return new Provisioner(HostEnvironment.current(), System.err).ensure(tool, "export tests").toString();
    }

    static ProcessRunner.Result ok(Path dir, Object... command) {
        List<String> cmd = new ArrayList<>();
        for (Object c : command) {
            if (c instanceof List<?> l) {
                l.forEach(x -> cmd.add(x.toString()));
            } else {
                cmd.add(c.toString());
            }
        }
        ProcessRunner.Result r = ProcessRunner.run(cmd, dir, Duration.ofMinutes(5));
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + " failed:\n" + r.output());
        return r;
    }
}
