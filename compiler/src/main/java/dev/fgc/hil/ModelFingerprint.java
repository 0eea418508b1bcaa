package dev.fgc.hil;

import dev.fgc.emit.GeneratedFiles;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A 32-bit fingerprint of a generated model package (every file's name and content), which the
 * hardware-in-the-loop firmware reports, so the host notices a board flashed with another model
 * or other options before comparing any score.
 */
public final class ModelFingerprint {
    private ModelFingerprint() {
    }

    public static long of(GeneratedFiles modelPackage) {
        CRC32 crc = new CRC32();
        modelPackage.asMap().forEach((name, content) -> {
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(content);
        });
        return crc.getValue();
    }
}
