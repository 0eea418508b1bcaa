package dev.fgc;

/** The product version, printed in banners of generated files. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
