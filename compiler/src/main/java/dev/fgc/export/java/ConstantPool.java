package dev.fgc.export.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The twin's constant arrays. Each is one Base64 string of its little-endian bytes, decoded once
 * when the class loads: array initialisers would compile to code in the static initialiser, which
 * the JVM limits to 64 KB (a model of a few thousand weights exceeds it), while a string costs
 * one constant-pool entry. A string constant holds at most 65,535 bytes, so long arrays are split
 * into several strings that the decoder joins.
 */
final class ConstantPool {
    /** Element types, with the bytes of each and the JDK buffer view that reads them. */
    enum Type {
        BYTE(TypeName.BYTE, 1, null, null), SHORT(TypeName.SHORT, 2, ShortBuffer.class, "asShortBuffer"),
        CHAR(TypeName.CHAR, 2, CharBuffer.class, "asCharBuffer"), INT(TypeName.INT, 4, IntBuffer.class, "asIntBuffer"),
        FLOAT(TypeName.FLOAT, 4, FloatBuffer.class, "asFloatBuffer");

        final TypeName element;
        final int bytes;
        final Class<?> buffer;
        final String view;

        Type(TypeName element, int bytes, Class<?> buffer, String view) {
            this.element = element;
            this.bytes = bytes;
            this.buffer = buffer;
            this.view = view;
        }

        String decoder() {
            return element + "s";
        }
    }

    private static final int LINE = 100;
    private static final int CHUNK = 200 * LINE;

    private final List<FieldSpec> fields = new ArrayList<>();
    private final Set<Type> used = EnumSet.noneOf(Type.class);

    /** A {@code private static final} array field holding {@code values} (each in range of {@code type}). */
    String add(String name, Type type, int[] values, String javadoc) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            switch (type) {
                case BYTE -> b.put((byte) v);
                case SHORT, CHAR -> b.putShort((short) v);
                case INT, FLOAT -> b.putInt(v);
            }
        }
        used.add(type);
        fields.add(FieldSpec.builder(ArrayTypeName.of(type.element), name, Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("$L", javadoc)
                .initializer("$L($L)", type.decoder(), literal(Base64.getEncoder().encodeToString(b.array())))
                .build());
        return name;
    }

    /** The same for float32 values, stored by their bits. */
    String addFloats(String name, double[] values, String javadoc) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits((float) values[i]);
        }
        return add(name, Type.FLOAT, bits, javadoc);
    }

    List<FieldSpec> fields() {
        return List.copyOf(fields);
    }

    /** The decoders the fields call, one per element type used. */
    List<MethodSpec> decoders() {
        List<MethodSpec> out = new ArrayList<>();
        ClassName buffer = ClassName.get(ByteBuffer.class);
        out.add(MethodSpec.methodBuilder("decode")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ArrayTypeName.of(String.class), "chunks")
                .varargs()
                .returns(buffer)
                .addStatement("$T base64 = new $T()", StringBuilder.class, StringBuilder.class)
                .beginControlFlow("for ($T chunk : chunks)", String.class)
                .addStatement("base64.append(chunk)")
                .endControlFlow()
                .addStatement("return $T.wrap($T.getDecoder().decode(base64.toString())).order($T.LITTLE_ENDIAN)",
                        buffer, Base64.class, ByteOrder.class)
                .build());
        for (Type t : used) {
            MethodSpec.Builder m = MethodSpec.methodBuilder(t.decoder())
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(ArrayTypeName.of(String.class), "chunks")
                    .varargs()
                    .returns(ArrayTypeName.of(t.element));
            if (t.view == null) {
                m.addStatement("$T b = decode(chunks)", buffer)
                        .addStatement("byte[] a = new byte[b.remaining()]");
            } else {
                m.addStatement("$T b = decode(chunks).$L()", t.buffer, t.view)
                        .addStatement("$T[] a = new $T[b.remaining()]", t.element, t.element);
            }
            out.add(m.addStatement("b.get(a)").addStatement("return a").build());
        }
        return out;
    }

    /** Chunks of at most {@value #CHUNK} characters, each a concatenation of {@value #LINE}-character lines. */
    private static CodeBlock literal(String base64) {
        List<CodeBlock> chunks = new ArrayList<>();
        for (int from = 0; from < base64.length() || from == 0; from += CHUNK) {
            String chunk = base64.substring(from, Math.min(base64.length(), from + CHUNK));
            List<CodeBlock> lines = new ArrayList<>();
            for (int i = 0; i < chunk.length() || i == 0; i += LINE) {
                lines.add(CodeBlock.of("$S", chunk.substring(i, Math.min(chunk.length(), i + LINE))));
            }
            chunks.add(CodeBlock.join(lines, "\n+ "));
        }
        return CodeBlock.builder().add("\n$>$>").add(CodeBlock.join(chunks, ",\n")).add("$<$<").build();
    }
}
