package dev.fgc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.fgc.emit.CPrefix;
import dev.fgc.export.java.JavaTwinEmitter;
import dev.fgc.export.java.TwinName;
import dev.fgc.pack.Packing;
import dev.fgc.quantize.CompiledModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Generates a model's Java twin, compiles it with javax.tools (warnings are errors) into a
 * folder, loads it in its own class loader and runs it as a user would, through its public API.
 */
public final class JavaTwins {
    public static final String PACKAGE = "dev.fgc.twin.test";

    /** A loaded twin: whole examples in, each score's raw 32 bits out (int32, or float32 bits). */
    public record Twin(Class<?> type, boolean fixedPoint, String source) {
        public int[] scoreBits(double[] features) {
            int classes = intConstant("NUM_CLASSES");
            Object scores = fixedPoint ? new int[classes] : new float[classes];
            invoke("classify", new Class<?>[] {double[].class, scores.getClass()}, features, scores);
            if (fixedPoint) {
                return (int[]) scores;
            }
            int[] bits = new int[classes];
            for (int c = 0; c < classes; c++) {
                bits[c] = Float.floatToRawIntBits(((float[]) scores)[c]);
            }
            return bits;
        }

        public int intConstant(String name) {
            try {
                return type.getField(name).getInt(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("twin has no constant " + name, e);
            }
        }

        public Object invoke(String method, Class<?>[] types, Object... args) {
            try {
                Method m = type.getMethod(method, types);
                return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : type.getConstructor().newInstance(), args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("twin method " + method, e);
            }
        }
    }

    private JavaTwins() {
    }

    public static Twin build(CompiledModel compiled, Packing packing, Path dir) throws IOException {
        TwinName name = TwinName.of(PACKAGE, CPrefix.fromName(compiled.model().name()));
        String source = new JavaTwinEmitter(name).source(compiled, packing);
        return new Twin(compile(name, source, dir), compiled.isFixedPoint(), source);
    }

    /** Compiles one generated source file into {@code dir} for Java 17 and loads its class. */
    public static Class<?> compile(TwinName name, String source, Path dir) throws IOException {
        return compile(name, source, dir, 17);
    }

    /** The same for a given Java release (8 for the oldest JVMs and Android the twin promises). */
    public static Class<?> compile(TwinName name, String source, Path dir, int release) throws IOException {
        Path file = dir.resolve("src").resolve(name.path());
        Path classes = dir.resolve("classes");
        Files.createDirectories(file.getParent());
        Files.createDirectories(classes);
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler (a JDK is needed)");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // -Xlint:-options: javac warns that release 8 is deprecated, which says nothing of the twin
        int rc = javac.run(null, log, log, "--release", Integer.toString(release), "-Xlint:all", "-Xlint:-options",
                "-Werror", "-encoding", "UTF-8",
                "-classpath", classes.toString(), "-d",
                classes.toString(), file.toString());
        assertEquals(0, rc, "javac failed on " + file + ":\n" + log.toString(StandardCharsets.UTF_8));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaTwins.class.getClassLoader());
        try {
            return loader.loadClass(name.qualified());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("compiled twin not found: " + name.qualified(), e);
        }
    }
}
