package dev.fgc.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.emit.GeneratedFiles;
import dev.fgc.export.arduino.ArduinoExport;
import dev.fgc.export.cmake.CMakeExport;
import dev.fgc.export.platformio.PlatformIoExport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every package holds, and that the same inputs give byte-identical packages. */
class ExportPackagesTest {
    private static final List<Exporter> EXPORTERS = List.of(new CMakeExport(), new PlatformIoExport(),
            new ArduinoExport());

    @ParameterizedTest
    @ValueSource(strings = {"float", "int8"})
    void packagesAreDeterministicAndShareTheModelSources(String precision) {
        Set<String> model = ModelSources.of(ExportInputs.usps(precision)).under("src").asMap().keySet();
        for (Exporter e : EXPORTERS) {
            Map<String, byte[]> a = e.files(ExportInputs.usps(precision)).asMap();
            Map<String, byte[]> b = e.files(ExportInputs.usps(precision)).asMap();
            assertEquals(a.keySet(), b.keySet(), e.title());
            a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), e.title() + ": " + name));
            assertTrue(a.keySet().containsAll(model), e.title() + " holds the model sources under src/");
            assertTrue(a.containsKey("README.md"), e.title());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"float", "int8"})
    void readmeGivesTheApiTheSizesAndHowItWasVerified(String precision) {
        ExportInput in = ExportInputs.usps(precision);
        for (Exporter e : EXPORTERS) {
            String readme = e.files(in).text("README.md");
            for (String s : List.of("# usps: " + e.title(), "usps_state_t s;", "usps_init(&s);",
                    "usps_classify(features, scores)", "| model constants (flash) | " + in.sizes().constantBytes() + " |",
                    "## How it was verified", "fgc verify MODEL --data DATA.npy " + in.buildOptions(),
                    "USPS_SAMPLE_CLASS")) {
                assertTrue(readme.contains(s), e.title() + ": '" + s + "' missing in\n" + readme);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"int16"})
    void buildFilesNameEverySourceAndPublicHeader(String precision) {
        ExportInput in = ExportInputs.usps(precision);
        ModelSources sources = ModelSources.of(in);
        GeneratedFiles cmake = new CMakeExport().files(in);
        String lists = cmake.text("CMakeLists.txt");
        sources.sources().forEach(c -> assertTrue(lists.contains("src/" + c), c));
        assertTrue(lists.contains("add_library(usps::model ALIAS usps_model)"));
        assertTrue(cmake.text("cmake/toolchain-mps2-an386.cmake")
                .contains("set(CMAKE_C_FLAGS_INIT \"-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16"));
        String json = new PlatformIoExport().files(in).text("library.json");
        assertTrue(json.contains("\"headers\": [\"usps_model.h\", \"usps_input.h\", \"usps_sample.h\","
                + " \"usps_stream.h\"]"), json);
        String properties = new ArduinoExport().files(in).text("library.properties");
        assertTrue(properties.contains("includes=usps_model.h,usps_input.h,usps_sample.h,usps_stream.h"), properties);
        assertEquals("usps-model", LibraryName.of(in.prefix()));
    }
}
