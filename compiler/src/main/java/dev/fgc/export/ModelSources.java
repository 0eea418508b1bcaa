package dev.fgc.export;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.emit.TemplateRenderer;
import java.util.List;
import java.util.Map;

/**
 * The C every package compiles, in one folder: the model and the runtime kernels it calls, as
 * {@code fgc compile} writes them, plus three small units of the exports' own: the conversion of
 * real-valued inputs to the model's input type, the built-in sample with its expected result, and
 * the classification of a text stream (timesteps as lines) for sketches and host programs.
 */
public final class ModelSources {
    private final GeneratedFiles files;
    private final String prefix;

    private ModelSources(GeneratedFiles files, String prefix) {
        this.files = files;
        this.prefix = prefix;
    }

    public static ModelSources of(ExportInput in) {
        String p = in.prefix().lower();
        Map<String, Object> data = PackageData.base(in);
        TemplateRenderer r = TemplateRenderer.get();
        GeneratedFiles files = new GeneratedFiles()
                .addAll(in.emitter().emit(in.compiled(), in.packing()))
                .add(p + "_input.h", r.render("export/c/input.h.ftl", data))
                .add(p + "_input.c", r.render("export/c/input.c.ftl", data))
                .add(p + "_sample.h", r.render("export/c/sample.h.ftl", data))
                .add(p + "_sample.c", r.render("export/c/sample.c.ftl", data))
                .add(p + "_stream.h", r.render("export/c/stream.h.ftl", data))
                .add(p + "_stream.c", r.render("export/c/stream.c.ftl", data));
        return new ModelSources(files, p);
    }

    public List<String> sources() {
        return names(".c");
    }

    public List<String> headers() {
        return names(".h");
    }

    /** The headers an application includes; the runtime's own headers stay internal. */
    public List<String> publicHeaders() {
        return List.of(prefix + "_model.h", prefix + "_input.h", prefix + "_sample.h", prefix + "_stream.h");
    }

    public GeneratedFiles files() {
        return new GeneratedFiles().addAll(files);
    }

    /** The files inside {@code folder} of the package. */
    public GeneratedFiles under(String folder) {
        return files.under(folder);
    }

    private List<String> names(String suffix) {
        return files.asMap().keySet().stream().filter(n -> n.endsWith(suffix)).toList();
    }
}
