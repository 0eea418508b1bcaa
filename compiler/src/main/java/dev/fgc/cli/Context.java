package dev.fgc.cli;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every command shares: the environment and the output streams, and whether the error stream
 * is a terminal (where long runs show their progress).
 */
record Context(HostEnvironment env, PrintStream out, PrintStream err, boolean errIsTerminal) {
    /**
     * Whether this process's standard error is a terminal. System.console() needs standard input
     * and output to be terminals too (fgc verify > summary.txt would show no progress), so where
     * Linux says what file descriptor 2 is, that answers.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    Provisioner provisioner() {
        return new Provisioner(env, err);
    }
}
