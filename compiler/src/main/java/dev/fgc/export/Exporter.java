package dev.fgc.export;

import dev.fgc.emit.GeneratedFiles;

/** One kind of package (CMake, PlatformIO, Arduino…): the files of its folder, relative to its root. */
public interface Exporter {
    /** The package's name in messages, e.g. "CMake package". */
    String title();

    GeneratedFiles files(ExportInput in);
}
