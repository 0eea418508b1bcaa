package dev.fgc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A scratch folder for fuzz tests whose parser reads files: created once per JVM (a fuzzer runs the
 * test hundreds of times a second, too often for a fresh @TempDir) and emptied before each input.
 */
public final class FuzzFiles {
    private final Path dir;

    public FuzzFiles(String name) {
        try {
            dir = Files.createTempDirectory("fgc-fuzz-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
    }

    /** The folder, emptied of the previous input's files. */
    public Path fresh() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Writes one file of the current input into the folder. */
    public Path write(String fileName, byte[] bytes) {
        Path f = dir.resolve(fileName);
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.toFile().deleteOnExit();
        return f;
    }
}
