package dev.fgc.verify;

import dev.fgc.UserError;
import dev.fgc.model.Model;
import dev.fgc.device.Board;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the examples into runs that fit the board's flash next to the firmware, so a test set of
 * any size verifies on a board of any size.
 */
final class InputChunks {
    /** Room in the constants' window for what else lies there (AVR: interrupt vectors, printf's strings). */
    private static final long WINDOW_MARGIN = 4096;

    private InputChunks() {
    }

    record Chunk(int from, int to) {
        int size() {
            return to - from;
        }
    }

    /** @param modelBytes the model's constants in flash (pack.SizeReport) */
    static List<Chunk> plan(int samples, Model model, Board board, int bytesPerValue, long modelBytes) {
        long perSample = (long) model.features() * bytesPerValue;
        // flash less the firmware's code, and within the part of flash constants can be read from
        long room = Math.min(board.flash().size() - board.codeReserve(), board.constantsLimit() - WINDOW_MARGIN)
                - modelBytes;
        long capacity = room / perSample;
        if (capacity < 1) {
            throw new UserError("board " + board.name() + ": " + board.flash().size() + " bytes of flash leave no"
                    + " room for one example of " + perSample + " bytes beside the model (" + modelBytes
                    + " bytes) and the firmware");
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < samples; from += (int) Math.min(capacity, samples - from)) {
            chunks.add(new Chunk(from, (int) Math.min(samples, from + capacity)));
        }
        return chunks;
    }
}
