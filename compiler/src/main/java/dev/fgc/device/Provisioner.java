package dev.fgc.device;

import dev.fgc.UserError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the external tools a board needs and, like PlatformIO does for its toolchains, installs
 * missing ones on first use: through apt when running as root on Debian/Ubuntu, otherwise it stops
 * with the exact command to run.
 */
public final class Provisioner {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private final HostEnvironment env;
    private final java.io.PrintStream log;

    public Provisioner(HostEnvironment env, java.io.PrintStream log) {
        this.env = env;
        this.log = log;
    }

    /** The absolute path of every tool, installing what is missing when allowed. */
    public synchronized Map<Tool, Path> ensure(List<Tool> tools, String neededBy) {
        List<Tool> missing = tools.stream().filter(t -> locate(t) == null).toList();
        if (!missing.isEmpty()) {
            install(missing, neededBy);
        }
        Map<Tool, Path> found = new LinkedHashMap<>();
        for (Tool t : tools) {
            Path p = locate(t);
            if (p == null) {
                throw new UserError(t.command() + ": still not found after installing " + String.join(" ",
                        t.packages()) + " (searched " + env.toolPath() + ")");
            }
            found.put(t, p);
        }
        return found;
    }

    public Path ensure(Tool tool, String neededBy) {
        return ensure(List.of(tool), neededBy).get(tool);
    }

    Path locate(Tool tool) {
        if (tool.command().startsWith("/")) {
            Path p = Path.of(tool.command());
            return Files.isRegularFile(p) ? p : null;
        }
        for (String dir : env.toolPath().split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool.command());
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private void install(List<Tool> missing, String neededBy) {
        Set<String> packages = new LinkedHashSet<>();
        missing.forEach(t -> packages.addAll(t.packages()));
        String names = String.join(", ", missing.stream().map(Tool::command).toList());
        String command = "apt-get update && apt-get install -y --no-install-recommends " + String.join(" ", packages);
        Path aptGet = Path.of("/usr/bin/apt-get");
        if (!env.installAllowed() || !isRoot() || !Files.isExecutable(aptGet)) {
            String why = !env.installAllowed() ? "FGC_NO_INSTALL is set"
                    : !Files.isExecutable(aptGet) ? "this system has no apt-get" : "fgc is not running as root";
            throw new UserError(names + ": not found (needed by " + neededBy + "; " + why
                    + "). Install with: sudo sh -c '" + command + "'");
        }
        log.println("fgc: installing " + String.join(" ", packages) + " for " + neededBy + " (" + names
                + " not found)");
        runApt(List.of(aptGet.toString(), "update", "-q"), command);
        List<String> install = new ArrayList<>(List.of(aptGet.toString(), "install", "-y", "-q",
                "--no-install-recommends"));
        install.addAll(packages);
        runApt(install, command);
    }

    private void runApt(List<String> cmd, String whole) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        ProcessRunner.Result r = ProcessRunner.run(withNonInteractive(cmd), tmp, INSTALL_TIMEOUT);
        if (r.exitCode() != 0) {
            String tail = tail(r.output(), 800);
            throw new UserError("apt-get failed (exit " + r.exitCode() + ") while running '" + whole + "':\n" + tail);
        }
    }

    private static List<String> withNonInteractive(List<String> cmd) {
        List<String> c = new ArrayList<>(List.of("/usr/bin/env", "DEBIAN_FRONTEND=noninteractive"));
        c.addAll(cmd);
        return c;
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }
}
