package dev.fgc.device;

import dev.fgc.UserError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A board descriptor from {@code boards/NAME.properties}: core, memory map, flags, emulator.
 *
 * @param stackSize         the stack region the Cortex-M firmware reserves (0 where the stack is
 *                          simply the rest of RAM, as on AVR)
 * @param ramReserved       RAM the firmware needs beyond the model's state and scratch (checked at
 *                          compile time together with them)
 * @param codeReserve       flash kept for the verification firmware's code beside its embedded inputs
 * @param constantsLimit    constants (the model's and the inputs) must lie in the first this many bytes
 *                          of flash (AVR reads program memory through 16-bit addresses)
 * @param floatSupported    whether fgc builds float models for it (not on AVR, where flash-resident
 *                          float constants are not supported: use int8 or int16)
 */
public record Board(String name, String description, boolean isDefault, String core, String fpu, long clockHz,
                    MemoryRegion flash, MemoryRegion ram, long stackSize, long ramReserved, long codeReserve,
                    long constantsLimit, boolean floatSupported, String toolchain, List<String> cflags, String emulator,
                    String emulatorMachine) {

    /** Flash kept for the verification firmware's code unless the descriptor says otherwise. */
    private static final long DEFAULT_CODE_RESERVE = 48 * 1024;

    public record MemoryRegion(long origin, long size) {
        public String originHex() {
            return String.format(Locale.ROOT, "0x%08X", origin);
        }
    }

    static Board parse(String name, Properties p, String source) {
        Field f = new Field(p, source);
        MemoryRegion flash = new MemoryRegion(f.number("flash.origin"), f.number("flash.size"));
        return new Board(name, f.text("description"), Boolean.parseBoolean(p.getProperty("default", "false")),
                f.text("core"), f.text("fpu"), f.number("clock.hz"), flash,
                new MemoryRegion(f.number("ram.origin"), f.number("ram.size")),
                f.number("stack.size", 0), f.number("ram.reserved", 0),
                f.number("firmware.code.reserve", DEFAULT_CODE_RESERVE),
                f.number("flash.constants.limit", flash.size()),
                Boolean.parseBoolean(p.getProperty("float", "true")), f.text("toolchain"),
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

        long number(String key, long otherwise) {
            return p.getProperty(key) == null ? otherwise : number(key);
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
