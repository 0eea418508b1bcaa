package dev.fgc.emit;

import dev.fgc.pack.CompressedRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The C arrays of one constant, as the model templates print them: one array for a dense tensor;
 * {@code _counts}, {@code _idx} and {@code _val} for a sparse matrix (runtime-c/include/fgc_sparse.h).
 */
final class TensorArrays {
    /** The preprocessor value that picks {@link SparsePairs}' storage (fgc_q15.h). */
    private static final String PAIRS_GUARD = "FGC_SPARSE_PAIRS";

    private TensorArrays() {
    }

    static Map<String, Object> array(String symbol, String type, int length, String comment, List<String> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("type", type);
        m.put("length", length);
        m.put("comment", comment);
        m.put("lines", lines);
        return m;
    }

    /**
     * The arrays of a compressed-row matrix; {@code values} prints the non-zero values. A matrix of
     * zeros has only its counts (C has no empty arrays): its product passes null pointers that the
     * kernel never reads.
     */
    static List<Map<String, Object>> sparse(String symbol, CompressedRows rows, String valueType, int bits,
                                            List<String> values, String comment) {
        List<Map<String, Object>> arrays = new ArrayList<>();
        arrays.add(array(symbol + "_counts", "uint16_t", rows.rows(), comment + ": non-zeros per row",
                IntLiterals.lines(rows.counts())));
        if (rows.indices().length > 0) {
            arrays.add(array(symbol + "_idx", indexType(rows), rows.indices().length,
                    comment + ": column of each non-zero", IntLiterals.lines(rows.indices())));
            arrays.add(array(symbol + "_val", valueType, rows.values().length,
                    comment + ": the non-zeros, row after row", values));
        }
        if (SparsePairs.applies(rows, bits)) {
            arrays.forEach(a -> a.put("guard", PAIRS_GUARD + " == 0"));
            int[] stream = SparsePairs.stream(rows);
            Map<String, Object> pairs = array(symbol + "_pairs", "uint8_t", stream.length,
                    comment + ": per row its non-zeros' count (two bytes), then twice the column and the"
                            + " value's byte of each",
                    IntLiterals.lines(stream));
            pairs.put("guard", PAIRS_GUARD + " == 1");
            arrays.add(pairs);
        }
        return arrays;
    }

    /** The arguments naming a sparse matrix's arrays in a product call. */
    static void sparseArguments(Map<String, Object> call, String symbol, CompressedRows rows, String valueType,
                                int bits) {
        boolean empty = rows.indices().length == 0;
        call.put("counts", symbol + "_counts");
        call.put("idx", empty ? "(const " + indexType(rows) + " *)0" : symbol + "_idx");
        call.put("val", empty ? "(const " + valueType + " *)0" : symbol + "_val");
        call.put("indexBits", indexBits(rows));
        if (SparsePairs.applies(rows, bits)) {
            call.put("pairs", symbol + "_pairs");
        }
    }

    static String indexType(CompressedRows rows) {
        return rows.wideIndices() ? "uint16_t" : "uint8_t";
    }

    static int indexBits(CompressedRows rows) {
        return rows.wideIndices() ? 16 : 8;
    }
}
