package dev.fgc.device;

import java.nio.file.Path;
import java.util.Map;

/**
 * What fgc reads from its environment, passed explicitly so tests can change it:
 * {@code FGC_TOOL_PATH} (where tools are looked up, default PATH), {@code FGC_NO_INSTALL=1}
 * (never install missing tools), {@code FGC_CACHE} (built host helpers, default ~/.cache/fgc).
 */
public record HostEnvironment(Map<String, String> vars) {

    public HostEnvironment {
        vars = Map.copyOf(vars);
    }

    public static HostEnvironment current() {
        return new HostEnvironment(System.getenv());
    }

    public String toolPath() {
        return vars.getOrDefault("FGC_TOOL_PATH", vars.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    }

    public boolean installAllowed() {
        String v = vars.getOrDefault("FGC_NO_INSTALL", "");
        return v.isEmpty() || v.equals("0") || v.equalsIgnoreCase("false");
    }

    public Path cacheDir() {
        String c = vars.get("FGC_CACHE");
        if (c != null && !c.isBlank()) {
            return Path.of(c);
        }
        String home = vars.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "fgc");
    }
}
