package dev.fgc.emit;

import dev.fgc.quantize.Precision;
import java.util.List;

/** The runtime-c files a generated model of a given precision compiles with. */
public final class RuntimeFiles {
    private static final List<String> FLOAT_HEADERS = List.of("fgc_f32.h");
    private static final List<String> FLOAT_SOURCES =
            List.of("fgc_matvec_f32.c", "fgc_vector_f32.c", "fgc_nonlin_f32.c", "fgc_cell_f32.c");

    private RuntimeFiles() {
    }

    public static GeneratedFiles forPrecision(Precision precision) {
        Precision.requireSupported(precision);
        GeneratedFiles files = new GeneratedFiles();
        for (String h : FLOAT_HEADERS) {
            files.add(h, Resources.bytes("runtime-c/include/" + h));
        }
        for (String c : FLOAT_SOURCES) {
            files.add(c, Resources.bytes("runtime-c/src/" + c));
        }
        return files;
    }
}
