package dev.fgc.cli;

import dev.fgc.UserError;
import dev.fgc.container.ContainerVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * A verify command line as the run inside the container needs it: every argument as given except
 * the container and report options (reports are written inside and copied back), and the files
 * that every Path-typed parameter or option names, to copy in.
 */
final class ContainerArguments {
    private static final Set<String> LOCAL_ONLY = Set.of("--in-container", "--json", "--junit-xml");

    private ContainerArguments() {
    }

    static ContainerVerifier.Invocation of(ParseResult parsed, Optional<Path> json, Optional<Path> junitXml) {
        List<String> args = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (PositionalParamSpec p : parsed.matchedPositionals()) {
            add(args, files, p, null);
        }
        for (OptionSpec o : parsed.matchedOptions()) {
            if (!LOCAL_ONLY.contains(o.longestName())) {
                add(args, files, o, o.longestName());
            }
        }
        return new ContainerVerifier.Invocation(args, files, json, junitXml);
    }

    private static void add(List<String> args, List<Path> files, ArgSpec a, String name) {
        if (a.arity().max() == 0) {
            args.add(name);
            return;
        }
        for (String v : a.originalStringValues()) {
            if (name != null) {
                args.add(name);
            }
            if (a.type() == Path.class) {
                Path p = Path.of(v);
                if (!Files.exists(p)) {
                    throw new UserError(v + ": no such file or folder (" + (name == null ? "MODEL" : name) + ")");
                }
                files.add(p);
            }
            args.add(v);
        }
    }
}
