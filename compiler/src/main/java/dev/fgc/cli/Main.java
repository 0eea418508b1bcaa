package dev.fgc.cli;

import dev.fgc.DeviceFailure;
import dev.fgc.UserError;
import dev.fgc.Version;
import dev.fgc.device.HostEnvironment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fgc} command line: parses arguments and hands over to the pipeline stages. */
@Command(name = "fgc", mixinStandardHelpOptions = true, version = "fgc " + Version.VERSION,
        description = "Compiles EdgeML FastGRNN/FastRNN models into verified C for microcontrollers.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code when the device disagrees with the reference or fails to answer. */
    public static final int EXIT_DISAGREES = DeviceFailure.EXIT_CODE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        // fgc's text is English on every machine; picocli sorts option names by the default locale's
        // upper case, which in Turkish moves --in-container after --work-dir.
        Locale.setDefault(Locale.ROOT);
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 passed, 1 device disagrees, 2 bad input or tool). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        // the process's standard error is a terminal or not; a stream handed in (tests) is not one
        Context ctx = new Context(new HostEnvironment(env), out, err, err == System.err && Context.stderrIsTerminal());
        CommandLine cl = new CommandLine(new Main())
                .addSubcommand("inspect", new InspectCommand(ctx))
                .addSubcommand("compile", new CompileCommand(ctx))
                .addSubcommand("verify", new VerifyCommand(ctx))
                .addSubcommand("bench", new BenchCommand(ctx))
                .addSubcommand("hil-firmware", new HilFirmwareCommand(ctx))
                .addSubcommand("boards", new BoardsCommand(ctx))
                .addSubcommand("setup", new SetupCommand(ctx))
                .addSubcommand("export", ExportCommand.commandLine(ctx));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> handle(ex, err));
        return cl.execute(args);
    }

    private static int handle(Exception ex, PrintStream err) throws Exception {
        if (ex instanceof UserError) {
            err.println("fgc: error: " + ex.getMessage());
            return UserError.EXIT_CODE;
        }
        if (ex instanceof DeviceFailure) {
            err.println("fgc: device failure: " + ex.getMessage());
            return EXIT_DISAGREES;
        }
        throw ex;
    }
}
