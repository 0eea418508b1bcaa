package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fgc.device.ProcessRunner;
import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import dev.fgc.testing.ClassifyProgram;
import dev.fgc.testing.HostC;
import dev.fgc.verify.ScoreCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package of every trained model at every precision and layout, built for the host with gcc
 * and with clang under ASan and UBSan without recovery (HostC's flags: -O1 -g, warnings as errors;
 * clang's with sparse int8 matrices stored as pairs, FGC_SPARSE_PAIRS) and run over the model's
 * whole test set in one process per build: it exits 0, writes nothing on
 * stderr, and its scores are the Java reference's — fixed point to the bit.
 */
class SanitizedHostTest {
    @TempDir
    Path tmp;

    static List<SharedModelBuild> builds() {
        return SharedModelBuild.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void runsCleanUnderTheSanitizersAndMatchesTheReference(SharedModelBuild build) throws IOException {
        Model model = build.load();
        Dataset data = build.tests(model);
        CompiledModel compiled = build.compile(model);
        Path dir = tmp.resolve(build.label());
        build.emit(compiled)
                .add("main.c", ClassifyProgram.source(build.prefix(), compiled.isFixedPoint()))
                .writeTo(dir);
        Expected expected = compiled.isFixedPoint() ? fixed(compiled, data) : floating(compiled, data);
        int[][] gccBits = null;
        for (Map.Entry<String, Path> cc : SanitizingCompilers.all().entrySet()) {
            String config = build + " " + cc.getKey();
            // "-fno-omit-frame-pointer": ASan's reports then name every frame; clang's build stores
            // sparse int8 matrices as pairs, as AVR and Thumb-1 do (fgc_q15.h), gcc's as three arrays
            String storage = "-DFGC_SPARSE_PAIRS=" + (cc.getKey().equals("clang") ? 1 : 0);
            Path exe = HostC.build(cc.getValue().toString(), dir, "model-" + cc.getKey(), "-fno-omit-frame-pointer",
                    storage);
            ProcessRunner.Result run = HostC.execute(exe, expected.input);
            // a report that did not stop the program (LeakSanitizer's, or a recovering check) shows only here
            assertEquals("", run.stderr(), config + ": reported on stderr");
            List<ClassifyProgram.Line> lines = ClassifyProgram.parse(run.stdout(), data.size());
            expected.check(lines, config);
            System.out.printf("fgc sanitized host run: %s (%s): %d samples, no sanitizer report, %s%n", config,
                    storage, lines.size(), compiled.isFixedPoint() ? "scores equal to FixedReference"
                            : "scores within the float tolerance");
            int[][] bits = lines.stream().map(ClassifyProgram.Line::bits).toArray(int[][]::new);
            if (gccBits == null) {
                gccBits = bits;
            } else {
                // No FMA contraction on the host's baseline x86-64: even float must agree to the bit
                assertArrayEquals(gccBits, bits, config + ": scores differ from gcc's build");
            }
        }
    }

    /** The program's input (the model's input type), and a check of its lines. */
    private record Expected(byte[] input, LineCheck check) {
        void check(List<ClassifyProgram.Line> lines, String config) {
            for (int i = 0; i < lines.size(); i++) {
                check.check(i, lines.get(i), config + " sample " + i);
            }
        }
    }

    private interface LineCheck {
        void check(int example, ClassifyProgram.Line line, String what);
    }

    /** Fixed point: every score's integer, bit for bit, as FixedModelHostTest compares. */
    private static Expected fixed(CompiledModel compiled, Dataset data) {
        FixedReference ref = new FixedReference(compiled.plan().orElseThrow());
        ByteBuffer in = ByteBuffer.allocate(data.size() * compiled.model().features() * Short.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        int[][] q = new int[data.size()][];
        for (int i = 0; i < q.length; i++) {
            q[i] = ref.quantizeInputs(data.features(i));
            for (int v : q[i]) {
                in.putShort((short) v);
            }
        }
        return new Expected(in.array(), (i, line, what) -> {
            int[] scores = ref.scores(q[i]);
            assertArrayEquals(scores, line.bits(), what);
            assertEquals(FixedReference.argmax(scores), line.predicted(), what + ": class");
        });
    }

    /** Float: within the tolerance fgc verify allows float32 against the double reference, same class. */
    private static Expected floating(CompiledModel compiled, Dataset data) {
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.features(i);
        }
        FloatReference ref = new FloatReference(compiled.model());
        return new Expected(HostC.float32(rows), (i, line, what) -> {
            double[] scores = ref.scores(rows[i]);
            for (int c = 0; c < scores.length; c++) {
                float device = Float.intBitsToFloat(line.bits()[c]);
                assertEquals(true, ScoreCheck.floatMatches(device, scores[c]),
                        what + " class " + c + ": " + device + " against " + scores[c]);
            }
            assertEquals(FloatReference.argmax(scores), line.predicted(), what + ": class");
        });
    }
}
