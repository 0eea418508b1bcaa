package dev.fgc.export.cmake;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.Resources;
import dev.fgc.emit.TemplateRenderer;
import dev.fgc.export.ExportInput;
import dev.fgc.export.Exporter;
import dev.fgc.export.ModelSources;
import dev.fgc.export.PackageData;
import dev.fgc.export.PackageReadme;
import java.util.Map;

/**
 * A CMake package: the library target {@code <prefix>::model}, install rules and a find_package
 * config, a host program that classifies the rows of an .npy or CSV file, a ctest of the built-in
 * sample, and a toolchain file that cross-builds the library for the board.
 */
public final class CMakeExport implements Exporter {
    private static final String TEMPLATES = "export/cmake/";
    private static final String SOURCE_DIR = "src";

    @Override
    public String title() {
        return "CMake package";
    }

    @Override
    public GeneratedFiles files(ExportInput in) {
        String p = in.prefix().lower();
        ModelSources sources = ModelSources.of(in);
        Map<String, Object> data = PackageData.of(in, sources, SOURCE_DIR);
        TemplateRenderer r = TemplateRenderer.get();
        return new GeneratedFiles()
                .addAll(sources.under(SOURCE_DIR))
                .add("CMakeLists.txt", r.render(TEMPLATES + "CMakeLists.txt.ftl", data))
                .add("cmake/" + p + "Config.cmake", r.render(TEMPLATES + "Config.cmake.ftl", data))
                .add("cmake/toolchain-" + in.requireBoard().name() + ".cmake",
                        r.render(TEMPLATES + "toolchain.cmake.ftl", data))
                .add("app/" + p + "_classify.c", r.render(TEMPLATES + "classify.c.ftl", data))
                // the table reader has nothing model-specific: copied as it is
                .add("app/fgc_rows.h", Resources.bytes("templates/" + TEMPLATES + "fgc_rows.h"))
                .add("app/fgc_rows.c", Resources.bytes("templates/" + TEMPLATES + "fgc_rows.c"))
                .add("test/" + p + "_sample_test.c", r.render(TEMPLATES + "sample_test.c.ftl", data))
                .add("README.md", PackageReadme.render(title(), data, TEMPLATES + "usage.md.ftl"));
    }
}
