package dev.fgc.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RowGroupsTest {

    @Test
    void groupsOfThreeRowsColumnByColumnWithTheRestLast() {
        // 5 x 2, value = 10 * row + column
        int[] rowMajor = {0, 1, 10, 11, 20, 21, 30, 31, 40, 41};
        assertArrayEquals(new int[] {0, 10, 20, 1, 11, 21, 30, 40, 31, 41},
                RowGroups.order(rowMajor, 5, 2, 3));
    }

    @Test
    void aLastGroupOfOneRowIsThatRow() {
        int[] rowMajor = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};
        assertArrayEquals(new int[] {0, 10, 20, 1, 11, 21, 2, 12, 22, 30, 31, 32},
                RowGroups.order(rowMajor, 4, 3, 3));
    }

    @Test
    void groupsOfOneAreRowMajor() {
        int[] rowMajor = {5, -3, 7, 0, 127, -128};
        assertArrayEquals(rowMajor, RowGroups.order(rowMajor, 2, 3, 1));
    }
}
