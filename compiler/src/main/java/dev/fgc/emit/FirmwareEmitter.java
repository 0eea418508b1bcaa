package dev.fgc.emit;

import dev.fgc.device.ArmToolchain;
import dev.fgc.device.Board;
import dev.fgc.quantize.CompiledModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verification firmware around a compiled model: the main loop that classifies every input and
 * prints the scores, and the assembler stub that embeds the inputs; on Cortex-M also the start-up
 * code and linker script (avr-libc brings its own).
 */
public final class FirmwareEmitter {
    public static final String INPUTS_BIN = "fw_inputs.bin";
    public static final String LINKER_SCRIPT = ArmToolchain.LINKER_SCRIPT;
    /** The symbol of the embedded inputs. */
    public static final String INPUTS_SYMBOL = "fw_inputs";

    private final CModelEmitter model;

    public FirmwareEmitter(CModelEmitter model) {
        this.model = model;
    }

    /** The firmware files for {@code count} examples whose features are in {@link #INPUTS_BIN}. */
    public GeneratedFiles emit(Board board, CompiledModel compiled, int count) {
        Map<String, Object> d = new LinkedHashMap<>(model.commonData(compiled));
        d.put("board", boardData(board));
        d.put("count", count);
        d.put("binFile", INPUTS_BIN);
        TemplateRenderer r = TemplateRenderer.get();
        if (board.toolchain().equals("avr")) {
            return new GeneratedFiles()
                    .add("fw_main.c", r.render("firmware/avr/verify_main.c.ftl", d))
                    .add("fw_firmware.h", r.render("firmware/fw_firmware.h.ftl", d))
                    .add("fw_stack.c", r.render("firmware/avr/stack.c.ftl", d))
                    .add("fw_inputs.S", r.render("firmware/avr/inputs.S.ftl", d));
        }
        return new GeneratedFiles()
                .add("fw_startup.c", r.render("firmware/startup.c.ftl", d))
                .add("fw_firmware.h", r.render("firmware/fw_firmware.h.ftl", d))
                .add("fw_main.c", r.render("firmware/verify_main.c.ftl", d))
                .add("fw_inputs.S", r.render("firmware/inputs.S.ftl", d))
                .add(LINKER_SCRIPT, r.render("firmware/link.ld.ftl", d));
    }

    static Map<String, Object> boardData(Board b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("core", b.core());
        m.put("flashOrigin", b.flash().originHex());
        m.put("flashSize", Long.toString(b.flash().size()));
        m.put("ramOrigin", b.ram().originHex());
        m.put("ramSize", Long.toString(b.ram().size()));
        m.put("stackSize", Long.toString(b.stackSize()));
        m.put("clockHz", Long.toString(b.clockHz()));
        return m;
    }
}
