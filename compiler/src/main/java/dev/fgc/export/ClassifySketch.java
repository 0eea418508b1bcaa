package dev.fgc.export;

import dev.fgc.emit.TemplateRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example program of the Arduino library and of the PlatformIO project: one sketch that runs
 * the built-in sample and classifies timesteps read from Serial. PlatformIO's copy also compiles
 * for its native platform, where it runs the sample on the host.
 */
public final class ClassifySketch {
    private ClassifySketch() {
    }

    /** The sketch as an Arduino {@code .ino}. */
    public static String arduino(Map<String, Object> data) {
        return render(data, false);
    }

    /** The sketch as PlatformIO's {@code src/main.cpp}, Arduino or native. */
    public static String platformio(Map<String, Object> data) {
        return render(data, true);
    }

    private static String render(Map<String, Object> data, boolean platformio) {
        Map<String, Object> d = new LinkedHashMap<>(data);
        d.put("platformio", platformio);
        return TemplateRenderer.get().render("export/sketch/classify.ino.ftl", d);
    }
}
