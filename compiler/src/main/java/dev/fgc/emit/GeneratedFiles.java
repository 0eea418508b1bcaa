package dev.fgc.emit;

import dev.fgc.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of generated files, relative path to content, written all or nothing: everything goes to
 * a staging folder beside the target first, so a failure leaves no half-written output.
 */
public final class GeneratedFiles {
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public GeneratedFiles add(String path, String text) {
        return add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public GeneratedFiles add(String path, byte[] content) {
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("two generated files named " + path);
        }
        return this;
    }

    public GeneratedFiles addAll(GeneratedFiles other) {
        other.files.forEach(this::add);
        return this;
    }

    /** The same files one folder down: {@code under("src")} turns {@code a.c} into {@code src/a.c}. */
    public GeneratedFiles under(String folder) {
        GeneratedFiles moved = new GeneratedFiles();
        files.forEach((path, content) -> moved.add(folder + "/" + path, content));
        return moved;
    }

    public Map<String, byte[]> asMap() {
        return Collections.unmodifiableMap(files);
    }

    public String text(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new IllegalArgumentException("no generated file " + path);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes into {@code dir} (created if needed); files already there with other names are kept. */
    public void writeTo(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UserError(dir + ": exists and is not a directory; choose another output (-o)");
        }
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".fgc-");
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write output here (" + describe(e) + ")");
        }
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = staging.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Files.createDirectories(target);
            for (String name : files.keySet()) {
                Path to = target.resolve(name);
                Files.createDirectories(to.getParent());
                move(staging.resolve(name), to);
            }
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write output (" + describe(e) + ")");
        } finally {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary folder is harmless.
        }
    }
}
