package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that writes something gives the same bytes on another machine: each runs twice through
 * the {@code ./fgc} launcher, once in this environment and once under a Turkish/German locale (comma
 * decimal separator, dotless i), a Latin-1 default charset and a time zone 14 hours ahead, each from
 * its own working folder; the files written, their names and what was printed must be identical.
 */
class DeterministicOutputTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    // JVM settings as well as the C library's: the JVM takes its locale from LANG only when the locale
    // is installed, which on a minimal machine it is not.
    private static final Map<String, String> FOREIGN = Map.of(
            "LANG", "tr_TR.UTF-8",
            "LC_ALL", "de_DE.UTF-8",
            "TZ", "Pacific/Kiritimati",
            "JAVA_TOOL_OPTIONS", "-Duser.language=tr -Duser.country=TR -Duser.timezone=Pacific/Kiritimati"
                    + " -Dfile.encoding=ISO-8859-1");
    private static final Map<String, String> DEFAULT = nullValued("JAVA_TOOL_OPTIONS");

    @TempDir
    static Path tmp;

    /** Builds the launcher's jar once, if it needs to, so that no case's run includes a build. */
    @BeforeAll
    static void launcherIsBuilt() throws IOException {
        Launcher.Result r = Launcher.run(Files.createDirectories(tmp.resolve("warm-up")), DEFAULT, TIMEOUT,
                "--version");
        assertEquals(0, r.exitCode(), r.err());
    }

    static Stream<Arguments> commands() {
        String usps = Repo.usps().toString();
        String test = Repo.usps().resolve("test.npy").toString();
        List<Arguments> c = new ArrayList<>();
        c.add(Arguments.of("help", List.of("--help")));
        c.add(Arguments.of("version", List.of("--version")));
        for (String sub : new String[] {"inspect", "compile", "verify", "bench", "hil-firmware", "boards",
                "setup", "export", "export java", "export cmake", "export platformio", "export arduino"}) {
            List<String> args = new ArrayList<>(Arrays.asList(sub.split(" ")));
            args.add("--help");
            c.add(Arguments.of("help " + sub, args));
        }
        c.add(Arguments.of("boards", List.of("boards")));
        c.add(Arguments.of("inspect text", List.of("inspect", usps, "--precision", "int8", "--calibrate", test)));
        c.add(Arguments.of("inspect json", List.of("inspect", usps, "--json", "--precision", "int16",
                "--layout", "sparse")));
        for (String p : new String[] {"float", "int8", "auto"}) {
            c.add(Arguments.of("compile " + p, List.of("compile", usps, "--precision", p, "--calibrate", test,
                    "-o", "out", "--report", "report.json")));
        }
        c.add(Arguments.of("compile uncalibrated int16", List.of("compile", usps, "--precision", "int16",
                "--board", "arduino-uno", "-o", "out", "--report", "report.json")));
        for (String p : new String[] {"float", "int8"}) {
            c.add(Arguments.of("export java " + p, List.of("export", "java", usps, "--package", "com.example.usps",
                    "--precision", p, "--calibrate", test, "-o", "out")));
        }
        c.add(Arguments.of("export cmake verified", List.of("export", "cmake", usps, "--precision", "int8",
                "--calibrate", test, "--board", "mps2-an386", "--verify", test, "-o", "out")));
        c.add(Arguments.of("export cmake float", List.of("export", "cmake", usps, "-o", "out")));
        c.add(Arguments.of("export platformio", List.of("export", "platformio", usps, "--precision", "int16",
                "--calibrate", test, "--board", "arduino-uno", "-o", "out")));
        c.add(Arguments.of("export arduino", List.of("export", "arduino", usps, "--precision", "int8",
                "--calibrate", test, "--board", "arduino-uno", "--package-version", "2.1.0", "-o", "out")));
        for (String b : new String[] {"mps2-an386", "arduino-uno"}) {
            c.add(Arguments.of("hil-firmware " + b, List.of("hil-firmware", usps, "--board", b, "--precision",
                    "int8", "--calibrate", test, "-o", "out")));
        }
        c.add(Arguments.of("verify reports", List.of("verify", usps, "--data", test, "--board", "mps2-an386",
                "--precision", "int8", "--calibrate", test, "--json", "report.json", "--junit-xml", "junit.xml",
                "--html", "report.html")));
        c.add(Arguments.of("bench reports", List.of("bench", usps, "--board", "microbit,arduino-uno",
                "--precision", "int8", "--limit", "3", "--json", "bench.json", "--html", "bench.html")));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sameBytesUnderAnotherLocaleAndTimeZone(String name, List<String> args) throws IOException {
        String folder = name.replace(' ', '-');
        Path home = Files.createDirectories(tmp.resolve("default").resolve(folder));
        Path abroad = Files.createDirectories(tmp.resolve("foreign").resolve(folder));
        String[] a = args.toArray(String[]::new);
        Launcher.Result here = Launcher.run(home, DEFAULT, TIMEOUT, a);
        Launcher.Result there = Launcher.run(abroad, FOREIGN, TIMEOUT, a);
        assertEquals(0, here.exitCode(), here.out() + here.err());
        assertEquals(0, there.exitCode(), there.out() + there.err());
        assertEquals(here.out(), there.out(), "standard output of fgc " + String.join(" ", args));
        Map<String, byte[]> mine = files(home);
        Map<String, byte[]> theirs = files(abroad);
        assertEquals(mine.keySet(), theirs.keySet(), "files written");
        if (args.contains("-o") || args.stream().anyMatch(s -> s.endsWith(".json") || s.endsWith(".html"))) {
            assertTrue(!mine.isEmpty(), "fgc " + String.join(" ", args) + " wrote nothing");
        }
        List<String> differ = new ArrayList<>();
        mine.forEach((file, bytes) -> {
            if (!Arrays.equals(bytes, theirs.get(file))) {
                differ.add(file + ": " + firstDifference(bytes, theirs.get(file)));
            }
        });
        if (!differ.isEmpty()) {
            fail("files differ between the two runs:\n  " + String.join("\n  ", differ));
        }
    }

    /** Every file under {@code dir} by its relative name. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static String firstDifference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        return "sizes " + a.length + " and " + b.length + ", first difference at byte " + i + ": '"
                + excerpt(a, i) + "' against '" + excerpt(b, i) + "'";
    }

    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(bytes.length, at + 30);
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
    }

    private static Map<String, String> nullValued(String name) {
        Map<String, String> m = new HashMap<>();
        m.put(name, null);
        return m;
    }
}
