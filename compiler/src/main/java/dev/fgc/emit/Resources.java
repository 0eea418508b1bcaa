package dev.fgc.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Product files the jar carries under {@code fgc/}: runtime C, templates, board descriptors. */
public final class Resources {
    private Resources() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream("fgc/" + path)) {
            if (in == null) {
                throw new IllegalStateException("fgc is missing its own resource fgc/" + path + " (broken build?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
