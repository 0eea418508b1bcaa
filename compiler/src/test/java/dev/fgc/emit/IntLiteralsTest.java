package dev.fgc.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntLiteralsTest {

    @Test
    void eachRowsWholeChunksOfFourAreOneMacroAndItsTailSingleWeights() {
        // 2 x 6: per row one chunk of four, then two single weights; four items to a line
        int[] rowMajor = {0, 1, 2, 3, 4, 5, 10, -11, 12, -128, 14, 127};
        assertEquals(List.of("FGC_W8X4(0, 1, 2, 3), FGC_W8(4), FGC_W8(5), FGC_W8X4(10, -11, 12, -128),",
                "FGC_W8(14), FGC_W8(127)"), IntLiterals.w8Rows(rowMajor, 6));
    }

    @Test
    void rowsNarrowerThanAChunkAreSingleWeights() {
        assertEquals(List.of("FGC_W8(7), FGC_W8(-7), FGC_W8(1)"), IntLiterals.w8Rows(new int[] {7, -7, 1}, 3));
    }
}
