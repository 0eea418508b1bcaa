package dev.fgc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The parent of the exports: the model packaged for a build system or language other than plain C. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Packages a compiled model for another build: java (a bit-exact Java twin).")
final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an export is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
