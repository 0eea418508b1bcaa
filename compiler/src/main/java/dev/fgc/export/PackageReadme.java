package dev.fgc.export;

import dev.fgc.emit.TemplateRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README.md of a package: what the model is, its C API, its sizes, how it was verified, then
 * the export's own section on building and using it ({@code usageTemplate}).
 */
public final class PackageReadme {
    private PackageReadme() {
    }

    public static String render(String title, Map<String, Object> data, String usageTemplate) {
        Map<String, Object> d = new LinkedHashMap<>(data);
        d.put("packageTitle", title);
        d.put("usageTemplate", usageTemplate);
        return TemplateRenderer.get().render("export/README.md.ftl", d);
    }
}
