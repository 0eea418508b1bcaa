package dev.fgc.it.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A platformio.ini as PlatformIO reads it: [sections] of "key = value" options, where indented
 * lines continue a multi-line value (one argument a line) and lines starting with ';' are comments
 * (https://docs.platformio.org/en/latest/projectconf/index.html).
 */
final class IniFile {
    private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();

    static IniFile parse(String text) {
        IniFile ini = new IniFile();
        Map<String, List<String>> section = null;
        List<String> value = null;
        for (String raw : text.split("\n")) {
            String line = raw.stripTrailing();
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith(";") || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = new LinkedHashMap<>();
                ini.sections.put(trimmed.substring(1, trimmed.length() - 1), section);
                value = null;
            } else if (Character.isWhitespace(line.charAt(0)) && value != null) {
                value.add(trimmed);
            } else {
                int eq = line.indexOf('=');
                if (section == null || eq < 0) {
                    throw new IllegalArgumentException("not an option: " + line);
                }
                value = new ArrayList<>();
                String first = line.substring(eq + 1).strip();
                if (!first.isEmpty()) {
                    value.add(first);
                }
                section.put(line.substring(0, eq).strip(), value);
            }
        }
        return ini;
    }

    Map<String, Map<String, List<String>>> sections() {
        return sections;
    }

    /** A single-line option of a section, or null. */
    String get(String section, String key) {
        List<String> v = sections.getOrDefault(section, Map.of()).get(key);
        return v == null ? null : String.join("\n", v);
    }

    List<String> lines(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }
}
