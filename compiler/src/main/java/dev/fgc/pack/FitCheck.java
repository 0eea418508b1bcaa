package dev.fgc.pack;

import dev.fgc.UserError;
import dev.fgc.device.Board;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Refuses a model whose constants do not fit the flash, or whose state and scratch do not fit the
 * RAM, of the board or of the user's own limits (the smaller wins); the message gives needed and
 * available bytes per section.
 */
public final class FitCheck {
    private FitCheck() {
    }

    public static void check(String model, SizeReport sizes, Board board, OptionalLong maxFlash, OptionalLong maxRam) {
        // constants lie where the core reads them: on AVR the first 64 KB (16-bit LPM addresses)
        long boardFlash = Math.min(board.flash().size(), board.constantsLimit());
        long flash = Math.min(boardFlash, maxFlash.orElse(Long.MAX_VALUE));
        long boardRam = board.ram().size() - board.ramReserved();
        long ram = Math.min(boardRam, maxRam.orElse(Long.MAX_VALUE));
        List<String> over = new ArrayList<>();
        if (sizes.constantBytes() > flash) {
            over.add("flash: needs " + sizes.constantBytes() + " bytes of model constants, " + flash + " available"
                    + (flash < boardFlash ? " (--max-flash)" : boardFlash < board.flash().size()
                    ? " (the board's: constants must lie in its first " + boardFlash + " bytes of flash)" : " (the board's)"));
        }
        if (sizes.ramBytes() > ram) {
            over.add("RAM: needs " + sizes.ramBytes() + " bytes (state " + sizes.stateBytes() + ", scratch "
                    + sizes.scratchBytes() + "), " + ram + " available" + (ram < boardRam ? " (--max-ram)" : ramSource(board)));
        }
        if (!over.isEmpty()) {
            throw new UserError("model '" + model + "' does not fit board " + board.name() + ": "
                    + String.join("; ", over));
        }
    }

    private static String ramSource(Board board) {
        return board.ramReserved() == 0 ? " (the board's)" : " (the board's " + board.ram().size() + " less "
                + board.ramReserved() + " kept for the call stack and the C library)";
    }

}
