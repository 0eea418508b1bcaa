package dev.fgc.cli;

import dev.fgc.device.HostEnvironment;
import dev.fgc.device.Provisioner;
import java.io.PrintStream;

/** What every command shares: the environment and the output streams. */
record Context(HostEnvironment env, PrintStream out, PrintStream err) {
    Provisioner provisioner() {
        return new Provisioner(env, err);
    }
}
