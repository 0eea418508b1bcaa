package dev.fgc.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.pack.CompressedRows;
import org.junit.jupiter.api.Test;

class SparsePairsTest {

    @Test
    void eachRowIsItsTwoByteCountThenTwiceEachColumnAndItsByte() {
        // 2 x 128: row 0 has -128 at column 0 and 5 at 127, row 1 has 127 at column 64
        int[] dense = new int[256];
        dense[0] = -128;
        dense[127] = 5;
        dense[128 + 64] = 127;
        CompressedRows rows = CompressedRows.of(dense, 2, 128);
        assertTrue(SparsePairs.applies(rows, 8));
        assertArrayEquals(new int[] {2, 0, 0, 0x80, 254, 5, 1, 0, 128, 127}, SparsePairs.stream(rows));
    }

    @Test
    void onlyInt8MatricesOfAtMost128ColumnsWithNonZeros() {
        int[] wide = new int[129];
        wide[128] = 1;
        assertFalse(SparsePairs.applies(CompressedRows.of(wide, 1, 129), 8));
        int[] narrow = {0, 3, 0};
        assertFalse(SparsePairs.applies(CompressedRows.of(narrow, 1, 3), 16));
        assertFalse(SparsePairs.applies(CompressedRows.of(new int[3], 1, 3), 8));
        assertTrue(SparsePairs.applies(CompressedRows.of(narrow, 1, 3), 8));
    }
}
