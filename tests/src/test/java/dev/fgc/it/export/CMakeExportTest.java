package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.device.Tool;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.load.npy.NpyReader;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fgc export cmake}: configured, built, run, installed and cross-built with CMake itself. */
class CMakeExportTest {
    private static final Path TEST_ROWS = Repo.usps().resolve("test.npy");

    @TempDir
    Path tmp;

    private Path export(String precision) {
        Path out = tmp.resolve("usps-" + precision);
        Cli.Result r = Cli.run("export", "cmake", Repo.usps().toString(), "--board", "mps2-an386", "--precision",
                precision, "--calibrate", TEST_ROWS.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"float", "int16", "int8"})
    void hostProgramPrintsTheReferenceClassesAndScoresForTheUspsRows(String precision) throws IOException {
        Path pkg = export(precision);
        String cmake = Commands.tool(Tool.CMAKE);
        Path build = tmp.resolve("build-" + precision);
        // warnings are errors and the sanitizers watch the whole host build, table reader included
        Commands.ok(pkg, cmake, "-S", pkg, "-B", build,
                "-DCMAKE_C_FLAGS=-Werror -fsanitize=undefined,address -fno-sanitize-recover=all");
        Commands.ok(pkg, cmake, "--build", build);
        String ctest = Path.of(cmake).resolveSibling("ctest").toString();
        Commands.ok(build, ctest, "--output-on-failure");

        String fromNpy = Commands.ok(pkg, build.resolve("usps_classify"), TEST_ROWS, "--scores").stdout();
        ReferenceResults.of(Repo.usps(), precision, TEST_ROWS, TEST_ROWS).assertMatches(fromNpy);
        String fromCsv = Commands.ok(pkg, build.resolve("usps_classify"), csv(TEST_ROWS), "--scores").stdout();
        assertEquals(fromNpy, fromCsv, "the same rows as CSV");
        assertTrue(Commands.ok(pkg, build.resolve("usps_classify"), TEST_ROWS).stderr().contains("accuracy 100.00%"));
    }

    /** The trained models of ../shared/models, calibrated on their training rows, over their whole test sets. */
    @ParameterizedTest
    @CsvSource({"digits-rows, float", "digits-rows, int8", "synth-har, float", "synth-har, int8"})
    void hostProgramMatchesTheReferenceOnTheSharedModels(String name, String precision) {
        Path model = Repo.sharedModel(name);
        Path out = tmp.resolve(name);
        Cli.Result r = Cli.run("export", "cmake", model.toString(), "--precision", precision, "--calibrate",
                model.resolve("train.npy").toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String cmake = Commands.tool(Tool.CMAKE);
        Path build = tmp.resolve("build-" + name);
        Commands.ok(out, cmake, "-S", out, "-B", build, "-DCMAKE_C_FLAGS=-Werror");
        Commands.ok(out, cmake, "--build", build);
        String prefix = name.replace('-', '_');
        String classes = Commands.ok(out, build.resolve(prefix + "_classify"), model.resolve("test.npy"), "--scores")
                .stdout();
        ReferenceResults.of(model, precision, model.resolve("train.npy"), model.resolve("test.npy"))
                .assertMatches(classes);
    }

    @Test
    void installsAndAFindPackageConsumerLinksTheTarget() throws IOException {
        Path pkg = export("int8");
        String cmake = Commands.tool(Tool.CMAKE);
        Path build = tmp.resolve("build");
        Path prefix = tmp.resolve("installed");
        Commands.ok(pkg, cmake, "-S", pkg, "-B", build);
        Commands.ok(pkg, cmake, "--build", build);
        Commands.ok(pkg, cmake, "--install", build, "--prefix", prefix);
        assertTrue(Files.exists(prefix.resolve("lib/cmake/usps/uspsConfig.cmake")));
        assertTrue(Files.exists(prefix.resolve("include/usps_model.h")));

        Path consumer = Files.createDirectories(tmp.resolve("consumer"));
        Files.writeString(consumer.resolve("CMakeLists.txt"), String.join("\n",
                "cmake_minimum_required(VERSION 3.13)",
                "project(consumer LANGUAGES C)",
                "find_package(usps 1.0.0 EXACT CONFIG REQUIRED)",
                "add_executable(consumer main.c)",
                "target_link_libraries(consumer PRIVATE usps::model)", ""));
        Files.writeString(consumer.resolve("main.c"), String.join("\n",
                "#include <stdio.h>",
                "#include \"usps_sample.h\"",
                "int main(void) {",
                "    int32_t scores[USPS_NUM_CLASSES];",
                "    unsigned cls = usps_sample_run(scores);",
                "    printf(\"class %u\\n\", cls);",
                "    return usps_sample_matches(scores) ? 0 : 1;",
                "}", ""));
        Path consumerBuild = tmp.resolve("consumer-build");
        Commands.ok(consumer, cmake, "-S", consumer, "-B", consumerBuild, "-DCMAKE_PREFIX_PATH=" + prefix);
        Commands.ok(consumer, cmake, "--build", consumerBuild);
        String out = Commands.ok(consumer, consumerBuild.resolve("consumer")).stdout();
        int expected = ReferenceResults.of(Repo.usps(), "int8", TEST_ROWS, TEST_ROWS).rows().get(0).cls();
        assertEquals("class " + expected, out.strip());
    }

    @Test
    void crossBuildsTheLibraryForMps2An386WithTheShippedToolchainFile() throws IOException {
        Path pkg = tmp.resolve("verified");
        Cli.Result r = Cli.run("export", "cmake", Repo.usps().toString(), "--board", "mps2-an386", "--precision",
                "int8", "--calibrate", TEST_ROWS.toString(), "--verify", TEST_ROWS.toString(), "-o", pkg.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String readme = Files.readString(pkg.resolve("README.md"));
        assertTrue(readme.contains("checked these sources on 10 examples of test.npy on board mps2-an386")
                && readme.contains("matched    10/10 samples") && readme.contains("PASSED"), readme);
        String cmake = Commands.tool(Tool.CMAKE);
        Commands.tool(Tool.ARM_GCC);
        Path build = tmp.resolve("build-arm");
        Commands.ok(pkg, cmake, "-S", pkg, "-B", build,
                "-DCMAKE_TOOLCHAIN_FILE=" + pkg.resolve("cmake/toolchain-mps2-an386.cmake"));
        Commands.ok(pkg, cmake, "--build", build);
        Path lib = build.resolve("libusps_model.a");
        String attributes = Commands.ok(pkg, Path.of(Commands.tool(Tool.ARM_NM)).resolveSibling("arm-none-eabi-readelf"),
                "-A", lib).stdout();
        // Cortex-M4F: ARMv7E-M with the single-precision FPU, hard-float calling convention
        assertTrue(attributes.contains("Tag_CPU_name: \"7E-M\"") && attributes.contains("Tag_FP_arch: VFPv4-D16")
                && attributes.contains("Tag_ABI_VFP_args: VFP registers"), attributes);
        String symbols = Commands.ok(pkg, Commands.tool(Tool.ARM_NM), lib).stdout();
        for (String s : List.of("T usps_classify", "T usps_step", "T usps_sample_run", "T usps_input_from_real")) {
            assertTrue(symbols.contains(s), s + " missing in\n" + symbols);
        }
        assertTrue(!Files.exists(build.resolve("usps_classify")), "no host tools in a cross build");
    }

    /** The rows of an .npy file as CSV, every value printed so that it parses back to the same double. */
    private Path csv(Path npy) throws IOException {
        NpyArray a = NpyReader.read(npy);
        int cols = a.shape()[1];
        double[] v = a.values();
        StringBuilder b = new StringBuilder("label,features...\n");
        for (int i = 0; i < v.length; i++) {
            b.append(v[i]).append((i + 1) % cols == 0 ? "\n" : ",");
        }
        Path p = tmp.resolve("rows.csv");
        Files.writeString(p, b.toString());
        return p;
    }
}
