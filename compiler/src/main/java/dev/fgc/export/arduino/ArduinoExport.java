package dev.fgc.export.arduino;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.TemplateRenderer;
import dev.fgc.export.ClassifySketch;
import dev.fgc.export.ExportInput;
import dev.fgc.export.Exporter;
import dev.fgc.export.LibraryName;
import dev.fgc.export.ModelSources;
import dev.fgc.export.PackageData;
import dev.fgc.export.PackageReadme;
import java.util.Map;

/**
 * An Arduino library (specification 1.5: library.properties, sources under src/) with the example
 * sketch examples/classify, which classifies the built-in sample and timesteps read from Serial.
 */
public final class ArduinoExport implements Exporter {
    private static final String TEMPLATES = "export/arduino/";
    private static final String SOURCE_DIR = "src";

    @Override
    public String title() {
        return "Arduino library";
    }

    @Override
    public GeneratedFiles files(ExportInput in) {
        ModelSources sources = ModelSources.of(in);
        Map<String, Object> data = PackageData.of(in, sources, SOURCE_DIR);
        data.put("libraryName", LibraryName.of(in.prefix()));
        return new GeneratedFiles()
                .addAll(sources.under(SOURCE_DIR))
                .add("library.properties", TemplateRenderer.get().render(TEMPLATES + "library.properties.ftl", data))
                .add("examples/classify/classify.ino", ClassifySketch.arduino(data))
                .add("README.md", PackageReadme.render(title(), data, TEMPLATES + "usage.md.ftl"));
    }
}
