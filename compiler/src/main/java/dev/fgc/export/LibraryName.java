package dev.fgc.export;

import dev.fgc.emit.CPrefix;

/**
 * The name of a library package: {@code usps-model} for prefix {@code usps}. It suits both
 * PlatformIO (a-z, digits and single dashes, not at either end) and Arduino (letters, digits,
 * spaces, underscores, dots and dashes, starting with a letter or digit).
 */
public final class LibraryName {
    private LibraryName() {
    }

    public static String of(CPrefix prefix) {
        return prefix.lower().replaceAll("_+", "-") + "-model";
    }
}
