package dev.fgc.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository and of the shared test data beside it. */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        String root = System.getProperty("fgc.repoRoot");
        Path p = root != null ? Path.of(root) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /** The bundled EdgeML USPS model (examples/usps). */
    public static Path usps() {
        return root().resolve("examples/usps");
    }

    /**
     * A trained model of the shared data set (../shared/models/NAME). A missing folder fails the
     * test: CI always has it, so a skip would hide a broken set-up.
     */
    public static Path sharedModel(String name) {
        Path p = root().resolveSibling("shared").resolve("models").resolve(name);
        assertTrue(Files.isDirectory(p), "shared test model missing: " + p
                + " (the shared/ folder must sit beside the repository)");
        return p;
    }
}
