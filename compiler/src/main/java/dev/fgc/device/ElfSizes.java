package dev.fgc.device;

import dev.fgc.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Section and symbol sizes of a linked image, from the toolchain's size and nm. */
public final class ElfSizes {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private final Map<String, Long> sections;
    private final Map<String, Symbol> symbols;

    public record Symbol(String name, long address, long size, char type) {
    }

    private ElfSizes(Map<String, Long> sections, Map<String, Symbol> symbols) {
        this.sections = sections;
        this.symbols = symbols;
    }

    public static ElfSizes read(Path sizeTool, Path nmTool, Path elf) {
        return new ElfSizes(parseSections(run(List.of(sizeTool.toString(), "-A", elf.toString()), elf)),
                parseSymbols(run(List.of(nmTool.toString(), "-S", elf.toString()), elf)));
    }

    private static String run(List<String> cmd, Path elf) {
        ProcessRunner.Result r = ProcessRunner.run(cmd, elf.toAbsolutePath().getParent(), TIMEOUT);
        if (r.exitCode() != 0) {
            throw new UserError(cmd.get(0) + " failed on " + elf + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    static Map<String, Long> parseSections(String sizeOutput) {
        Map<String, Long> s = new LinkedHashMap<>();
        for (String line : sizeOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+")) {
                s.put(f[0], Long.parseLong(f[1]));
            }
        }
        return s;
    }

    static Map<String, Symbol> parseSymbols(String nmOutput) {
        Map<String, Symbol> s = new LinkedHashMap<>();
        for (String line : nmOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                s.put(f[3], new Symbol(f[3], Long.parseLong(f[0], 16), Long.parseLong(f[1], 16), f[2].charAt(0)));
            } else if (f.length == 3 && f[1].length() == 1) {
                s.put(f[2], new Symbol(f[2], Long.parseLong(f[0], 16), 0, f[1].charAt(0)));
            }
        }
        return s;
    }

    public long section(String name) {
        return sections.getOrDefault(name, 0L);
    }

    public long sumSections(Predicate<String> which) {
        return sections.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    public long sumSymbols(Predicate<String> which) {
        return symbols.values().stream().filter(s -> which.test(s.name())).mapToLong(Symbol::size).sum();
    }

    /** Bytes of the read-only data objects (nm types r/R) whose names match. */
    public long sumConstants(Predicate<String> which) {
        return symbols.values().stream().filter(s -> Character.toLowerCase(s.type()) == 'r' && which.test(s.name()))
                .mapToLong(Symbol::size).sum();
    }

    /** A function or object's address with the Thumb bit cleared. */
    public long address(String symbol) {
        Symbol s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalStateException("symbol " + symbol + " is not in the image");
        }
        return s.address() & ~1L;
    }
}
