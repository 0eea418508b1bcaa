package dev.fgc.report;

import dev.fgc.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report file whole or not at all. */
public final class ReportFile {
    private ReportFile() {
    }

    /** Fails early, before hours of work, when the report could not be written. */
    public static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; give a file name for the report");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError(file + ": cannot write the report: folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new UserError(file + ": cannot write the report: folder " + parent + " is not writable");
        }
    }

    public static void write(Path file, String text) {
        checkWritable(file);
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the report (" + e.getMessage() + ")");
        }
    }
}
