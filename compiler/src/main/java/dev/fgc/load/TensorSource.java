package dev.fgc.load;

import dev.fgc.UserError;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.load.npy.NpyReader;
import dev.fgc.load.npy.NpzReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Named arrays of a saved model: a folder of {@code NAME.npy} files or one {@code .npz} archive. */
interface TensorSource {

    boolean has(String name);

    NpyArray read(String name);

    /** How to name the array in a message: the file, or the archive and its entry. */
    String describe(String name);

    static TensorSource open(Path path) {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".npz")) {
            return new Archive(path, NpzReader.read(path));
        }
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such model folder or .npz archive");
        }
        throw new UserError(path + ": not a model folder or .npz archive");
    }

    record Folder(Path dir) implements TensorSource {
        @Override
        public boolean has(String name) {
            return Files.isRegularFile(dir.resolve(name + ".npy"));
        }

        @Override
        public NpyArray read(String name) {
            return NpyReader.read(dir.resolve(name + ".npy"));
        }

        @Override
        public String describe(String name) {
            return dir.resolve(name + ".npy").toString();
        }
    }

    record Archive(Path file, Map<String, NpyArray> entries) implements TensorSource {
        @Override
        public boolean has(String name) {
            return entries.containsKey(name);
        }

        @Override
        public NpyArray read(String name) {
            return entries.get(name);
        }

        @Override
        public String describe(String name) {
            return file + ":" + name + ".npy";
        }
    }
}
