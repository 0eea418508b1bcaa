package dev.fgc.export.platformio;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.TemplateRenderer;
import dev.fgc.export.ClassifySketch;
import dev.fgc.export.ExportInput;
import dev.fgc.export.Exporter;
import dev.fgc.export.LibraryName;
import dev.fgc.export.ModelSources;
import dev.fgc.export.PackageData;
import dev.fgc.export.PackageReadme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PlatformIO library (library.json) with an example project whose platformio.ini has the
 * environments uno, megaatmega2560, due, nano33ble and native, and a unit test of the built-in
 * sample that runs under simavr on the AVR boards and on the host for native.
 */
public final class PlatformIoExport implements Exporter {
    private static final String TEMPLATES = "export/platformio/";
    private static final String SOURCE_DIR = "src";
    /** Flags for the library's own sources: optimised for speed, as fgc verify builds them, and warning-checked. */
    static final List<String> LIBRARY_FLAGS = List.of("-O2", "-Wall", "-Wextra");

    /** One environment of the example project; a null board is PlatformIO's native (host) platform. */
    record Environment(String name, String platform, String board, String simavrMcu) {
        Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("platform", platform);
            if (board != null) {
                m.put("board", board);
            }
            if (simavrMcu != null) {
                m.put("simavrMcu", simavrMcu);
            }
            return m;
        }
    }

    static final List<Environment> ENVIRONMENTS = List.of(
            new Environment("uno", "atmelavr", "uno", "atmega328p"),
            new Environment("megaatmega2560", "atmelavr", "megaatmega2560", "atmega2560"),
            new Environment("due", "atmelsam", "due", null),
            new Environment("nano33ble", "nordicnrf52", "nano33ble", null),
            new Environment("native", "native", null, null));

    @Override
    public String title() {
        return "PlatformIO library";
    }

    @Override
    public GeneratedFiles files(ExportInput in) {
        ModelSources sources = ModelSources.of(in);
        Map<String, Object> data = PackageData.of(in, sources, SOURCE_DIR);
        data.put("libraryName", LibraryName.of(in.prefix()));
        data.put("libraryFlags", LIBRARY_FLAGS);
        data.put("platforms", ENVIRONMENTS.stream().map(Environment::platform).distinct().toList());
        List<Map<String, Object>> environments = new ArrayList<>();
        ENVIRONMENTS.forEach(e -> environments.add(e.data()));
        data.put("environments", environments);
        TemplateRenderer r = TemplateRenderer.get();
        return new GeneratedFiles()
                .addAll(sources.under(SOURCE_DIR))
                .add("library.json", r.render(TEMPLATES + "library.json.ftl", data))
                .add("examples/classify/platformio.ini", r.render(TEMPLATES + "platformio.ini.ftl", data))
                .add("examples/classify/src/main.cpp", ClassifySketch.platformio(data))
                .add("examples/classify/test/test_sample/test_main.cpp", r.render(TEMPLATES + "test_main.cpp.ftl", data))
                .add("README.md", PackageReadme.render(title(), data, TEMPLATES + "usage.md.ftl"));
    }
}
