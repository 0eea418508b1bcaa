package dev.fgc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShownTextTest {
    @Test
    void controlCharactersBecomeEscapesSoAMessageStaysOneLine() {
        assertEquals("a\\nb\\r\\tc\\u0000\\u001b[0m\\u2028", ShownText.of("a\nb\r\tc\0\u001b[0m\u2028", 100));
    }

    @Test
    void longTextIsCutBeforeEscaping() {
        assertEquals("abc...", ShownText.of("abcdef", 3));
        assertEquals("abc", ShownText.of("abc", 3));
        assertEquals("é'ü", ShownText.of("é'ü", 3));
    }
}
