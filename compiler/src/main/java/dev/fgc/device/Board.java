package dev.fgc.device;

import dev.fgc.UserError;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A board descriptor from {@code boards/NAME.properties}: core, memory map, flags, emulator. */
public record Board(String name, String description, boolean isDefault, String core, String fpu, long clockHz,
                    MemoryRegion flash, MemoryRegion ram, long stackSize, String toolchain,
                    List<String> cflags, String emulator, String emulatorMachine) {

    public record MemoryRegion(long origin, long size) {
        public String originHex() {
            return String.format("0x%08X", origin);
        }
    }

    static Board parse(String name, Properties p, String source) {
        Field f = new Field(p, source);
        return new Board(name, f.text("description"), Boolean.parseBoolean(p.getProperty("default", "false")),
                f.text("core"), f.text("fpu"), f.number("clock.hz"),
                new MemoryRegion(f.number("flash.origin"), f.number("flash.size")),
                new MemoryRegion(f.number("ram.origin"), f.number("ram.size")),
                f.number("stack.size"), f.text("toolchain"),
                List.copyOf(Arrays.asList(f.text("cflags").trim().split("\\s+"))),
                f.text("emulator"), f.text("emulator.machine"));
    }

    /** Reads one descriptor's keys, naming the file and key in every error. */
    private record Field(Properties p, String source) {
        String text(String key) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new UserError(source + ": missing key '" + key + "'");
            }
            return v.trim();
        }

        long number(String key) {
            String v = text(key);
            try {
                return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UserError(source + ": key '" + key + "' is '" + v + "', not a number");
            }
        }
    }
}
