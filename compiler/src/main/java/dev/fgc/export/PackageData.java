package dev.fgc.export;

import dev.fgc.Version;
import dev.fgc.device.Board;
import dev.fgc.pack.SizeReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names every export template shares: the model header's names, sizes, board, sample, files. */
public final class PackageData {
    private PackageData() {
    }

    /** Without the file lists: what the shared C sources (input conversion, sample) need. */
    static Map<String, Object> base(ExportInput in) {
        Map<String, Object> d = new LinkedHashMap<>(in.emitter().commonData(in.compiled()));
        d.put("version", in.version());
        d.put("fgcVersion", Version.VERSION);
        d.put("buildOptions", in.buildOptions());
        d.put("sample", in.sample().templateData(in.compiled()));
        d.put("sizes", sizes(in.sizes()));
        in.board().ifPresent(b -> d.put("board", board(b)));
        in.verification().ifPresent(v -> d.put("verification", Map.of("data", v.data(), "summary", v.summary())));
        return d;
    }

    /** Everything, file lists included; {@code sourceDir} is where the package keeps the C sources. */
    public static Map<String, Object> of(ExportInput in, ModelSources sources, String sourceDir) {
        Map<String, Object> d = base(in);
        d.put("sourceDir", sourceDir);
        d.put("sources", sources.sources());
        d.put("headers", sources.headers());
        d.put("publicHeaders", sources.publicHeaders());
        return d;
    }

    private static Map<String, Object> sizes(SizeReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("constantBytes", s.constantBytes());
        m.put("stateBytes", s.stateBytes());
        m.put("scratchBytes", s.scratchBytes());
        m.put("ramBytes", s.ramBytes());
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (SizeReport.Entry e : s.tensors()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", e.name());
            t.put("shape", e.rows() + "x" + e.cols());
            t.put("nonZeros", e.nonZeros());
            t.put("layout", e.layout());
            t.put("bytes", e.bytes());
            tensors.add(t);
        }
        m.put("tensors", tensors);
        return m;
    }

    private static Map<String, Object> board(Board b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("description", b.description());
        m.put("core", b.core());
        m.put("toolchain", b.toolchain());
        m.put("cflags", b.cflags());
        m.put("cflagsText", String.join(" ", b.cflags()));
        m.put("emulator", b.emulator() + " -M " + b.emulatorMachine());
        return m;
    }
}
