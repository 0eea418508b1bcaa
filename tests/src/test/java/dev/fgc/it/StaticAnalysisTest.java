package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.quantize.CompiledModel;
import dev.fgc.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cppcheck over the runtime (portable, Cortex-M and AVR configurations) and over generated
 * packages of every model, precision and layout: none of its warning or portability checks fire,
 * and the MISRA C 2012 deviations stay within the counts docs/misra.md gives and explains, so a new
 * deviation fails until it is fixed or documented.
 */
class StaticAnalysisTest {
    private static final Pattern DOC_ROW = Pattern.compile("^\\| (\\d+\\.\\d+) \\| (\\d+) \\|.*");

    @TempDir
    Path tmp;

    @Test
    void noWarningsAndNoUndocumentedMisraDeviations() throws IOException {
        // One finding per place: every package repeats the runtime's headers
        Set<Cppcheck.Finding> misra = new LinkedHashSet<>();
        List<Cppcheck.Finding> warnings = new ArrayList<>();
        Path runtime = runtimeFolder();
        for (Cppcheck.Target t : Cppcheck.Target.values()) {
            warnings.addAll(Cppcheck.warnings(runtime, Cppcheck.cFiles(runtime), t));
            misra.addAll(Cppcheck.misra(runtime, Cppcheck.cFiles(runtime), t));
        }
        for (SharedModelBuild build : packages()) {
            Path dir = tmp.resolve(build.label());
            CompiledModel compiled = build.compile(build.load());
            build.emit(compiled).writeTo(dir);
            for (Cppcheck.Target t : Cppcheck.Target.values()) {
                warnings.addAll(Cppcheck.warnings(dir, Cppcheck.cFiles(dir), t));
            }
            misra.addAll(Cppcheck.misra(dir, Cppcheck.cFiles(dir), Cppcheck.Target.HOST));
        }
        assertEquals(List.of(), warnings, "cppcheck warning and portability findings");

        Map<String, Integer> counted = new TreeMap<>(StaticAnalysisTest::byRuleNumber);
        misra.forEach(f -> counted.merge(f.misraRule(), 1, Integer::sum));
        Map<String, Integer> documented = documentedDeviations();
        System.out.println("MISRA C 2012 deviations per rule: " + counted);
        for (Map.Entry<String, Integer> e : counted.entrySet()) {
            Integer allowed = documented.get(e.getKey());
            assertTrue(allowed != null, "rule " + e.getKey() + ": " + e.getValue() + " deviations, not in docs/misra.md: "
                    + misra.stream().filter(f -> f.misraRule().equals(e.getKey())).toList());
            assertTrue(e.getValue() <= allowed, "rule " + e.getKey() + ": " + e.getValue()
                    + " deviations, docs/misra.md allows " + allowed + ": "
                    + misra.stream().filter(f -> f.misraRule().equals(e.getKey())).toList());
        }
    }

    /**
     * A package of each model at each precision, the layout turning with them: every model,
     * precision and layout appears (3 each), without analysing all 27 packages.
     */
    private static List<SharedModelBuild> packages() {
        List<SharedModelBuild> all = SharedModelBuild.all();
        List<SharedModelBuild> some = new ArrayList<>();
        int layouts = 3;
        for (int i = 0; i < all.size(); i += layouts) {
            int group = i / layouts; // model * 3 + precision
            some.add(all.get(i + (group / 3 + group % 3) % layouts));
        }
        return some;
    }

    /** runtime-c's headers and sources side by side, as a package holds them. */
    private Path runtimeFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("runtime-c"));
        for (String sub : new String[] {"include", "src"}) {
            try (var s = Files.list(Repo.root().resolve("runtime-c").resolve(sub))) {
                for (Path p : s.toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        return dir;
    }

    /** Rule to the deviations docs/misra.md allows, from its table's rows "| 10.4 | 56 | why |". */
    static Map<String, Integer> documentedDeviations() throws IOException {
        Map<String, Integer> rules = new TreeMap<>(StaticAnalysisTest::byRuleNumber);
        for (String line : Files.readAllLines(Repo.root().resolve("docs/misra.md"))) {
            Matcher m = DOC_ROW.matcher(line);
            if (m.matches()) {
                rules.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        assertTrue(!rules.isEmpty(), "docs/misra.md has no table of deviations");
        return rules;
    }

    private static int byRuleNumber(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
