package dev.fgc.it;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Parameters for the device tests that run one case on every board for every setting. */
final class BoardCases {
    private BoardCases() {
    }

    /** Arguments (board, setting), board by board, each with the settings in the order given. */
    static Stream<Arguments> each(String[] boards, String... settings) {
        List<Arguments> a = new ArrayList<>();
        for (String b : boards) {
            for (String s : settings) {
                a.add(Arguments.of(b, s));
            }
        }
        return a.stream();
    }
}
