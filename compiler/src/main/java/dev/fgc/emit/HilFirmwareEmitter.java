package dev.fgc.emit;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import dev.fgc.device.BoardCatalog;
import dev.fgc.quantize.CompiledModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hardware-in-the-loop firmware around a compiled model: the frame loop of
 * docs/hil-protocol.md, the driver of the board's UART named by the {@code uart} key of its
 * descriptor, and the verification firmware's start-up code and linker script (Cortex-M, without
 * semihosting) or stack painting (AVR).
 */
public final class HilFirmwareEmitter {
    public static final String LINKER_SCRIPT = FirmwareEmitter.LINKER_SCRIPT;
    /** Serial speed on real boards; emulated UARTs ignore it. */
    public static final int BAUD = 115200;
    private static final List<String> DRIVERS = List.of("cmsdk-apb", "avr-usart");

    private final CModelEmitter model;

    public HilFirmwareEmitter(CModelEmitter model) {
        this.model = model;
    }

    /** The firmware files; {@code fingerprint} identifies the model package to the host. */
    public GeneratedFiles emit(Board board, CompiledModel compiled, long fingerprint) {
        Map<String, Object> d = new LinkedHashMap<>(model.commonData(compiled));
        d.put("board", FirmwareEmitter.boardData(board));
        Map<String, Object> uart = uartData(board);
        d.put("uart", uart);
        d.put("fingerprint", String.format(Locale.ROOT, "0x%08X", fingerprint));
        d.put("semihosting", false);
        TemplateRenderer r = TemplateRenderer.get();
        String driver = (String) uart.get("driver");
        GeneratedFiles files = new GeneratedFiles()
                .add("fw_firmware.h", r.render("firmware/fw_firmware.h.ftl", d))
                .add("fw_hil.c", r.render("firmware/hil_main.c.ftl", d))
                .add("fw_uart.h", r.render("firmware/fw_uart.h.ftl", d))
                .add("fw_uart.c", r.render("firmware/uart_" + driver + ".c.ftl", d));
        // avr-libc brings its own start-up code and linker script; Cortex-M images carry theirs.
        return board.toolchain().equals("avr") ? files.add("fw_stack.c", r.render("firmware/avr/stack.c.ftl", d))
                : files.add("fw_startup.c", r.render("firmware/startup.c.ftl", d))
                        .add(LINKER_SCRIPT, r.render("firmware/link.ld.ftl", d));
    }

    private static Map<String, Object> uartData(Board board) {
        String spec = BoardCatalog.optionalKey(board, "uart").orElseThrow(() -> new UserError("board "
                + board.name() + ": no UART for hardware-in-the-loop verification (its descriptor has no 'uart'"
                + " key); boards with one: " + String.join(", ", BoardCatalog.load().all().stream()
                .filter(b -> BoardCatalog.optionalKey(b, "uart").isPresent()).map(Board::name).toList())));
        String[] f = spec.split("\\s+");
        if (f.length != 2 || !DRIVERS.contains(f[0]) || !f[1].matches("0x[0-9A-Fa-f]{1,8}")
                || f[0].equals("avr-usart") != board.toolchain().equals("avr")) {
            throw new UserError("boards/" + board.name() + ".properties: key 'uart' is '" + spec
                    + "'; expected a driver for its processor (" + String.join(", ", DRIVERS)
                    + ") and a hex base address");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("driver", f[0]);
        m.put("base", f[1]);
        m.put("baud", Integer.toString(BAUD));
        m.put("divisor", Long.toString(Math.max(16, board.clockHz() / BAUD)));
        return m;
    }
}
