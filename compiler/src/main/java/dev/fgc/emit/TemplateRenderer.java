package dev.fgc.emit;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.PathGlobMatcher;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** Renders the FreeMarker templates under {@code templates/}; settings fixed so output is byte-stable. */
public final class TemplateRenderer {
    private static final TemplateRenderer INSTANCE = new TemplateRenderer();
    private final Configuration config;

    private TemplateRenderer() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassLoaderForTemplateLoading(TemplateRenderer.class.getClassLoader(), "fgc/templates");
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        // "computer" prints 12345 rather than 12,345: C needs plain numbers.
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        // Export templates hold CMake and PlatformIO files, whose own ${...} must pass through: there
        // FreeMarker interpolates [=...] instead.
        TemplateConfiguration squareBrackets = new TemplateConfiguration();
        squareBrackets.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        config.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new PathGlobMatcher("export/**"), squareBrackets));
    }

    public static TemplateRenderer get() {
        return INSTANCE;
    }

    public String render(String template, Map<String, ?> data) {
        try {
            Template t = config.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(data, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
