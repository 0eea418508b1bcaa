package dev.fgc.emit;

import dev.fgc.quantize.Precision;
import java.util.ArrayList;
import java.util.List;

/** The runtime-c files a generated model of a given precision compiles with. */
public final class RuntimeFiles {
    private static final List<String> FLOAT_HEADERS = List.of("fgc_f32.h");
    private static final List<String> FLOAT_SOURCES =
            List.of("fgc_matvec_f32.c", "fgc_vector_f32.c", "fgc_nonlin_f32.c", "fgc_cell_f32.c");
    /** Fixed point (docs/fixed-point.md): every fixed-point precision (int16 activations, int16 or int8
     *  weights) shares one runtime. */
    private static final List<String> FIXED_HEADERS = List.of("fgc_memory.h", "fgc_q15.h", "fgc_q15_inline.h",
            "fgc_q15_scalar.h", "fgc_q15_products.h", "fgc_q15_elements.h", "fgc_q15_cell.h", "fgc_q15_avr.h",
            "fgc_q15_avr_products.h", "fgc_q15_avr_elements.h");
    private static final List<String> FIXED_SOURCES = List.of("fgc_normalize_q15.c", "fgc_matvec_q7_q15.c",
            "fgc_matvec_q15_q15.c", "fgc_vector_q15.c", "fgc_nonlin_q15.c", "fgc_tanh_table_q15.c", "fgc_cell_q15.c");

    /** Compressed-row products, only in packages with a sparse matrix. */
    private static final String SPARSE_HEADER = "fgc_sparse.h";

    private RuntimeFiles() {
    }

    /** The fixed-point runtime's headers, fgc_q15_inline.h's parts and the sparse products' among them. */
    public static List<String> fixedHeaders() {
        List<String> all = new ArrayList<>(FIXED_HEADERS);
        all.add(SPARSE_HEADER);
        return List.copyOf(all);
    }

    public static GeneratedFiles forPrecision(Precision precision) {
        return forPrecision(precision, false);
    }

    public static GeneratedFiles forPrecision(Precision precision, boolean sparse) {
        boolean fixed = precision.isFixedPoint();
        GeneratedFiles files = new GeneratedFiles();
        for (String h : fixed ? FIXED_HEADERS : FLOAT_HEADERS) {
            files.add(h, Resources.bytes("runtime-c/include/" + h));
        }
        for (String c : fixed ? FIXED_SOURCES : FLOAT_SOURCES) {
            files.add(c, Resources.bytes("runtime-c/src/" + c));
        }
        if (sparse) {
            files.add(SPARSE_HEADER, Resources.bytes("runtime-c/include/" + SPARSE_HEADER));
            String c = fixed ? "fgc_sparse_q15.c" : "fgc_sparse_f32.c";
            files.add(c, Resources.bytes("runtime-c/src/" + c));
        }
        return files;
    }
}
