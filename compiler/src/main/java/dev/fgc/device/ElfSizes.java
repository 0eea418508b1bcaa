package dev.fgc.device;

import dev.fgc.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Section and symbol sizes of a linked image, from the toolchain's size and nm. */
public final class ElfSizes {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final java.util.Set<String> RAM_SECTIONS = java.util.Set.of(".data", ".bss", ".noinit");
    private final Map<String, Long> sections;
    private final Map<String, Symbol> symbols;

    /**
     * One symbol as nm's System V format gives it: its letter class, its ELF type (OBJECT, FUNC...)
     * and the section it lies in.
     */
    public record Symbol(String name, long address, long size, char type, String kind, String section) {
    }

    private ElfSizes(Map<String, Long> sections, Map<String, Symbol> symbols) {
        this.sections = sections;
        this.symbols = symbols;
    }

    public static ElfSizes read(Path sizeTool, Path nmTool, Path elf) {
        return new ElfSizes(parseSections(run(List.of(sizeTool.toString(), "-A", elf.toString()), elf)),
                parseSymbols(run(List.of(nmTool.toString(), "-S", "--format=sysv", elf.toString()), elf)));
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

    /** Lines {@code name|value|class|type|size|line|section}; value and size in hex, size may be empty. */
    static Map<String, Symbol> parseSymbols(String nmOutput) {
        Map<String, Symbol> s = new LinkedHashMap<>();
        for (String line : nmOutput.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length == 7 && f[1].trim().matches("[0-9a-fA-F]+")) {
                String name = f[0].trim();
                String size = f[4].trim();
                s.put(name, new Symbol(name, Long.parseLong(f[1].trim(), 16), size.isEmpty() ? 0 : Long.parseLong(size, 16),
                        f[2].trim().charAt(0), f[3].trim(), f[6].trim()));
            }
        }
        return s;
    }

    public long section(String name) {
        return sections.getOrDefault(name, 0L);
    }

    /** The sizes of the sections whose names match, in the image's order. */
    public Map<String, Long> sections(Predicate<String> which) {
        Map<String, Long> m = new LinkedHashMap<>();
        sections.forEach((name, size) -> {
            if (which.test(name)) {
                m.put(name, size);
            }
        });
        return m;
    }

    /** The section a symbol lies in, empty when the image has no symbol of that name. */
    public Optional<String> sectionOf(String symbol) {
        return Optional.ofNullable(symbols.get(symbol)).map(Symbol::section);
    }

    public long sumSections(Predicate<String> which) {
        return sections.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    public long sumSymbols(Predicate<String> which) {
        return symbols.values().stream().filter(s -> which.test(s.name())).mapToLong(Symbol::size).sum();
    }

    /**
     * Bytes of the constant data objects whose names match: objects in flash, i.e. outside the
     * RAM sections (.rodata on Cortex-M; on AVR PROGMEM objects lie in .text).
     */
    public long sumConstants(Predicate<String> which) {
        return symbols.values().stream().filter(s -> s.kind().equals("OBJECT") && !RAM_SECTIONS.contains(s.section())
                && which.test(s.name())).mapToLong(Symbol::size).sum();
    }

    /** Bytes of one symbol, 0 when the image has none of that name. */
    public long symbolSize(String name) {
        Symbol s = symbols.get(name);
        return s == null ? 0 : s.size();
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
