package dev.fgc.export.java;

import com.palantir.javapoet.CodeBlock;
import dev.fgc.pack.CompressedRows;
import java.util.function.UnaryOperator;

/**
 * The loops of a twin's step: element-wise statements, and matrix-vector products {@code M·in}
 * over M's rows, M stored [out][in] as the firmware stores it: dense, or in compressed rows (per
 * row a count, then each non-zero's column and value) summed in column order, which is the dense
 * sum without its zero terms.
 */
final class Loops {
    /** A matrix's constant arrays; {@code counts} and {@code index} are null when dense. */
    record Stored(String values, String counts, String index, boolean wideIndex, int rows, int cols) {
        boolean sparse() {
            return counts != null;
        }
    }

    private Loops() {
    }

    /** Adds the matrix's arrays to the pool, dense or as compressed rows of its non-zero values. */
    static Stored store(ConstantPool pool, String name, int rows, int cols, int[] values, ConstantPool.Type type,
                        boolean sparse, String doc) {
        String symbol = Names.constant(name);
        if (!sparse) {
            return new Stored(pool.add(symbol, type, values, doc + ", dense [" + rows + "][" + cols + "]"), null,
                    null, false, rows, cols);
        }
        CompressedRows c = CompressedRows.of(values, rows, cols);
        String counts = pool.add(symbol + "_COUNTS", ConstantPool.Type.CHAR, c.counts(),
                doc + ": non-zeros of each of its " + rows + " rows");
        String index = pool.add(symbol + "_INDEX", c.wideIndices() ? ConstantPool.Type.CHAR : ConstantPool.Type.BYTE,
                c.indices(), doc + ": column of each non-zero" + (c.wideIndices() ? "" : " (unsigned)"));
        String nonZeros = pool.add(symbol + "_VALUES", type, c.values(), doc + ": the non-zero values, row after row");
        return new Stored(nonZeros, counts, index, c.wideIndices(), rows, cols);
    }

    /**
     * The loop; {@code sum} of type {@code sumType} starts at {@code zero} and collects
     * {@code M·in} for one row, then {@code store} turns "sum" into the statement that keeps it.
     */
    static CodeBlock product(Stored m, String sumType, String zero, String in, UnaryOperator<String> store) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (m.sparse()) {
            b.beginControlFlow("for (int row = 0, k = 0; row < $L; row++)", m.rows())
                    .addStatement("$L sum = $L", sumType, zero)
                    .beginControlFlow("for (int n = $L[row]; n > 0; n--, k++)", m.counts())
                    .addStatement("sum += $L[k] * $L[$L[k]$L]", m.values(), in, m.index(), m.wideIndex() ? "" : " & 0xFF");
        } else {
            b.beginControlFlow("for (int row = 0; row < $L; row++)", m.rows())
                    .addStatement("$L sum = $L", sumType, zero)
                    .beginControlFlow("for (int col = 0; col < $L; col++)", m.cols())
                    .addStatement("sum += $L[row * $L + col] * $L[col]", m.values(), m.cols(), in);
        }
        return b.endControlFlow().addStatement("$L", store.apply("sum")).endControlFlow().build();
    }

    /** {@code statement} for every i from 0 to length − 1. */
    static CodeBlock each(int length, String statement, Object... args) {
        return CodeBlock.builder().beginControlFlow("for (int i = 0; i < $L; i++)", length)
                .addStatement(statement, args).endControlFlow().build();
    }
}
