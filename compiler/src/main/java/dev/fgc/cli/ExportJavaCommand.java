package dev.fgc.cli;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.export.java.JavaTwinEmitter;
import dev.fgc.export.java.TwinName;
import dev.fgc.model.Model;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "java", mixinStandardHelpOptions = true,
        description = "Writes the model's Java twin: one dependency-free source file that computes what the"
                + " firmware computes (fixed point bit for bit), for apps and servers that talk to the device.")
final class ExportJavaCommand implements Runnable {
    private final Context ctx;

    @Mixin
    BuildOptions buildOptions;

    @Option(names = "--package", paramLabel = "NAME", required = true,
            description = "Java package of the generated class, e.g. com.example.model")
    String packageName;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "output folder (a source root: the file goes to DIR/<package path>/<Class>.java)")
    Path output;

    ExportJavaCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Model model = buildOptions.load();
        TwinName name = TwinName.of(packageName, buildOptions.prefix(model));
        CodeOptions.Build build = buildOptions.build(model);
        GeneratedFiles files = new JavaTwinEmitter(name).emit(build.compiled(), build.packing());
        files.writeTo(output);
        ctx.out().printf(Locale.ROOT, "fgc: wrote %s (class %s, %s, %d bytes of model constants as in the firmware)%n",
                output.resolve(name.path()), name.qualified(), build.compiled().precision().label(),
                build.sizes().constantBytes());
    }
}
