package dev.fgc.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.fgc.device.Tool;
import dev.fgc.load.npy.NpyArray;
import dev.fgc.load.npy.NpyReader;
import dev.fgc.testing.Cli;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fgc export platformio}. PlatformIO itself is not installable here, so its files are
 * checked against PlatformIO's documentation (cited at each check), and the library's sources are
 * built with exactly the flags the files declare through each environment's toolchain; the native
 * environment's example program runs on the host.
 */
class PlatformIoExportTest {
    private static final Path TEST_ROWS = Repo.usps().resolve("test.npy");

    /**
     * The toolchain flags of each environment's board, from PlatformIO's board pages:
     * docs.platformio.org/en/latest/boards/atmelavr/uno.html (ATmega328P, 16 MHz),
     * .../boards/atmelavr/megaatmega2560.html (board_build.mcu = atmega2560, f_cpu 16000000L),
     * .../boards/atmelsam/due.html (AT91SAM3X8E, f_cpu 84000000L; due.json: "cpu": "cortex-m3"),
     * and for nano33ble (nRF52840, Cortex-M4F; .../advanced/unit-testing/frameworks/custom/examples/
     * custom_unity_library.html gives the environment) the Arduino mbed core's float ABI.
     */
    private static final Map<String, List<String>> BOARD_FLAGS = Map.of(
            "uno", List.of("-mmcu=atmega328p", "-DF_CPU=16000000L"),
            "megaatmega2560", List.of("-mmcu=atmega2560", "-DF_CPU=16000000L"),
            "due", List.of("-mcpu=cortex-m3", "-mthumb", "-DF_CPU=84000000L"),
            "nano33ble", List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=softfp", "-mfpu=fpv4-sp-d16"));

    @TempDir
    Path tmp;

    private Path export(String precision) {
        Path out = tmp.resolve("usps-" + precision);
        Cli.Result r = Cli.run("export", "platformio", Repo.usps().toString(), "--precision", precision,
                "--calibrate", TEST_ROWS.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return out;
    }

    private static JsonObject libraryJson(Path pkg) throws IOException {
        return JsonParser.parseString(Files.readString(pkg.resolve("library.json"))).getAsJsonObject();
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8", "float"})
    void libraryJsonHasPlatformIosDocumentedFieldsAndValues(String precision) throws IOException {
        Path pkg = export(precision);
        JsonObject lib = libraryJson(pkg);
        // docs.platformio.org/en/latest/manifests/library-json/fields/name.html: at most 50 characters,
        // a-z, digits and dashes, not at either end, no consecutive dashes
        String name = lib.get("name").getAsString();
        assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*") && name.length() <= 50, name);
        // .../fields/version.html: Semantic Versioning, at most 20 characters
        assertTrue(lib.get("version").getAsString().matches("\\d+\\.\\d+\\.\\d+"));
        // .../fields/description.html: required, at most 255 characters
        String description = lib.get("description").getAsString();
        assertTrue(!description.isBlank() && description.length() <= 255, description);
        // .../fields/keywords.html: a list of lower-case words
        for (JsonElement k : lib.getAsJsonArray("keywords")) {
            assertTrue(k.getAsString().matches("[a-z0-9-]+"), k.toString());
        }
        // .../fields/frameworks.html: "*" is every framework (the library is plain C: arduino and none)
        assertEquals("*", lib.get("frameworks").getAsString());
        // .../fields/platforms.html: names of development platforms (docs.platformio.org/en/latest/platforms/)
        Set<String> platforms = strings(lib.getAsJsonArray("platforms"));
        assertEquals(Set.of("atmelavr", "atmelsam", "nordicnrf52", "native"), platforms);
        // .../fields/build/srcdir.html and includedir.html: folders relative to the manifest
        JsonObject build = lib.getAsJsonObject("build");
        Path src = pkg.resolve(build.get("srcDir").getAsString());
        assertEquals(src, pkg.resolve(build.get("includeDir").getAsString()));
        // .../fields/headers.html: the headers a project includes, all in the include folder
        for (String h : strings(lib.getAsJsonArray("headers"))) {
            assertTrue(Files.isRegularFile(src.resolve(h)), h);
        }
        // .../fields/build/flags.html: a list of compiler flags
        assertTrue(strings(build.getAsJsonArray("flags")).stream().allMatch(f -> f.startsWith("-")));
        // .../fields/examples.html: name, base folder and its files, all present
        JsonArray examples = lib.getAsJsonArray("examples");
        assertEquals(1, examples.size());
        JsonObject example = examples.get(0).getAsJsonObject();
        Path base = pkg.resolve(example.get("base").getAsString());
        Set<String> files = strings(example.getAsJsonArray("files"));
        assertTrue(files.contains("platformio.ini"), files.toString());
        for (String f : files) {
            assertTrue(Files.isRegularFile(base.resolve(f)), f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"int8"})
    void platformioIniDeclaresTheFiveEnvironmentsAndTheirTestCommands(String precision) throws IOException {
        Path pkg = export(precision);
        String libraryName = libraryJson(pkg).get("name").getAsString();
        IniFile ini = IniFile.parse(Files.readString(pkg.resolve("examples/classify/platformio.ini")));
        assertEquals(List.of("platformio", "env", "env:uno", "env:megaatmega2560", "env:due", "env:nano33ble",
                "env:native"), List.copyOf(ini.sections().keySet()));
        // lib_extra_dirs.html: a local library is "Name=symlink://path"; the library is two folders up
        assertEquals(libraryName + "=symlink://../..", ini.get("env", "lib_deps"));
        // advanced/unit-testing/frameworks/unity.html: test_framework = unity
        assertEquals("unity", ini.get("env", "test_framework"));
        // board ids and platforms from each board's page (see BOARD_FLAGS)
        assertEnv(ini, "uno", "atmelavr", "uno");
        assertEnv(ini, "megaatmega2560", "atmelavr", "megaatmega2560");
        assertEnv(ini, "due", "atmelsam", "due");
        assertEnv(ini, "nano33ble", "nordicnrf52", "nano33ble");
        assertEquals("native", ini.get("env:native", "platform"));
        // advanced/unit-testing/simulators/simavr.html: the tool package, test_speed 9600 and the
        // simavr command with the MCU, the clock and the firmware the test build leaves
        for (String[] avr : new String[][] {{"uno", "atmega328p"}, {"megaatmega2560", "atmega2560"}}) {
            String env = "env:" + avr[0];
            assertEquals("platformio/tool-simavr", ini.get(env, "platform_packages"));
            assertEquals("9600", ini.get(env, "test_speed"));
            assertEquals(List.of("${platformio.packages_dir}/tool-simavr/bin/simavr", "-m", avr[1], "-f",
                    "16000000L", "${platformio.build_dir}/${this.__env__}/firmware.elf"),
                    ini.lines(env, "test_testing_command"));
            assertEquals("-DUSPS_HALT_AFTER_TEST", ini.get(env, "build_flags"));
        }
        // projectconf/sections/env/options/test/test_testing_command.html: native runs the program
        assertEquals("${platformio.build_dir}/${this.__env__}/program", ini.get("env:native", "test_testing_command"));
        String test = Files.readString(pkg.resolve("examples/classify/test/test_sample/test_main.cpp"));
        for (String unity : List.of("#include <unity.h>", "UNITY_BEGIN();", "RUN_TEST(", "UNITY_END();",
                "TEST_ASSERT_EQUAL_UINT16(USPS_SAMPLE_CLASS", "defined(USPS_HALT_AFTER_TEST)")) {
            assertTrue(test.contains(unity), unity);
        }
    }

    private static void assertEnv(IniFile ini, String env, String platform, String board) {
        assertEquals(platform, ini.get("env:" + env, "platform"), env);
        assertEquals(board, ini.get("env:" + env, "board"), env);
        assertEquals("arduino", ini.get("env:" + env, "framework"), env);
    }

    /** Every library source, compiled for each board environment with the declared flags: no error, no warning. */
    @ParameterizedTest
    @ValueSource(strings = {"float", "int16", "int8"})
    void sourcesBuildWithTheDeclaredFlagsThroughEachBoardsToolchain(String precision) throws IOException {
        Path pkg = export(precision);
        JsonObject build = libraryJson(pkg).getAsJsonObject("build");
        List<String> libraryFlags = List.copyOf(strings(build.getAsJsonArray("flags")));
        Path src = pkg.resolve(build.get("srcDir").getAsString());
        IniFile ini = IniFile.parse(Files.readString(pkg.resolve("examples/classify/platformio.ini")));
        List<String> sources;
        try (Stream<Path> s = Files.list(src)) {
            sources = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c")).sorted().toList();
        }
        for (Map.Entry<String, List<String>> board : BOARD_FLAGS.entrySet()) {
            String platform = ini.get("env:" + board.getKey(), "platform");
            String compiler = Commands.tool(platform.equals("atmelavr") ? Tool.AVR_GCC : Tool.ARM_GCC);
            Path objects = Files.createDirectories(tmp.resolve("obj-" + board.getKey()));
            for (String c : sources) {
                List<String> cmd = new ArrayList<>(List.of(compiler, "-std=gnu11", "-Os"));
                cmd.addAll(board.getValue());
                cmd.addAll(libraryFlags);
                cmd.addAll(ini.lines("env:" + board.getKey(), "build_flags"));
                cmd.addAll(List.of("-I" + src, "-c", src.resolve(c).toString(), "-o",
                        objects.resolve(c + ".o").toString()));
                String stderr = Commands.ok(src, cmd).stderr();
                assertEquals("", stderr, board.getKey() + ": " + c);
            }
        }
    }

    /**
     * The native environment's program (the example's src/main.cpp without Arduino, stdin for
     * Serial) runs the sample, then classifies the USPS rows sent as text, one line a timestep, as
     * the sketch does on a board: every class is the reference's, and a malformed line is reported.
     */
    @ParameterizedTest
    @ValueSource(strings = {"float", "int16", "int8"})
    void nativeEnvironmentClassifiesTheSampleAndTimestepsFromItsInput(String precision) throws IOException {
        Path pkg = export(precision);
        JsonObject build = libraryJson(pkg).getAsJsonObject("build");
        Path src = pkg.resolve(build.get("srcDir").getAsString());
        // the declared flags, and the sanitizers watching the stream parser and the model on the host
        List<String> flags = new ArrayList<>(strings(build.getAsJsonArray("flags")));
        flags.addAll(List.of("-fsanitize=undefined,address", "-fno-sanitize-recover=all"));
        String gcc = Commands.tool(Tool.HOST_GCC);
        Path objects = Files.createDirectories(tmp.resolve("native"));
        List<String> link = new ArrayList<>(List.of(Path.of(gcc).resolveSibling("g++").toString(), "-o",
                objects.resolve("program").toString(), "-x", "c++",
                pkg.resolve("examples/classify/src/main.cpp").toString(), "-x", "none", "-I" + src));
        link.addAll(flags);
        try (Stream<Path> s = Files.list(src)) {
            for (Path c : s.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
                List<String> cmd = new ArrayList<>(List.of(gcc, "-std=gnu11", "-I" + src, "-c", c.toString(), "-o",
                        objects.resolve(c.getFileName() + ".o").toString()));
                cmd.addAll(flags);
                assertEquals("", Commands.ok(src, cmd).stderr(), c.toString());
                link.add(objects.resolve(c.getFileName() + ".o").toString());
            }
        }
        link.add("-lm");
        Commands.ok(objects, link);

        NpyArray rows = NpyReader.read(TEST_ROWS);
        int cols = rows.shape()[1];
        double[] v = rows.values();
        StringBuilder text = new StringBuilder("1 2 3\n"); // too few values: an error, then on as before
        for (int r = 0; r < rows.shape()[0]; r++) {
            for (int t = 0; t < 16; t++) {
                for (int i = 0; i < 16; i++) {
                    text.append(i == 0 ? "" : i % 2 == 0 ? ", " : " ").append(v[r * cols + 1 + t * 16 + i]);
                }
                text.append(t % 2 == 0 ? "\n" : "\r\n");
            }
        }
        text.append("sample\n");
        Path input = tmp.resolve("timesteps.txt");
        Files.writeString(input, text.toString());
        String out = Commands.ok(objects, "sh", "-c", "\"$0\" < \"$1\"", objects.resolve("program"), input).stdout();

        List<ReferenceResults.Row> reference = ReferenceResults.of(Repo.usps(), precision, TEST_ROWS, TEST_ROWS).rows();
        List<String> expected = new ArrayList<>();
        String sample = "sample class " + reference.get(0).cls() + " reference " + reference.get(0).cls() + " match";
        expected.add(sample);
        expected.add("error: expected 16 numbers a line");
        reference.forEach(row -> expected.add("class " + row.cls()));
        expected.add(sample);
        assertEquals(expected, List.of(out.strip().split("\n")));
    }

    private static Set<String> strings(JsonArray a) {
        Set<String> s = new LinkedHashSet<>();
        a.forEach(e -> s.add(e.getAsString()));
        return s;
    }
}
