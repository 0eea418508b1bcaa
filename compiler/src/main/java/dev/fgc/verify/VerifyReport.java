package dev.fgc.verify;

import dev.fgc.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The outcome of one verification: what matched, accuracy, sizes and speed. The per-example
 * device predictions are kept for callers but left out of the JSON, which stays small.
 */
public record VerifyReport(String model, String board, String precision, int samples, int matched,
                           OptionalDouble referenceAccuracy, OptionalDouble deviceAccuracy, double agreement,
                           double maxAbsScoreError, long flashModel, long flashTotal, long ramStatic,
                           long stackPeak, long instructionsPerInference, List<Integer> mismatches,
                           List<Integer> devicePredictions) {

    public boolean passed() {
        return samples > 0 && matched == samples;
    }

    public long ramTotal() {
        return ramStatic + stackPeak;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("board", board);
        m.put("precision", precision);
        m.put("samples", samples);
        m.put("matched", matched);
        if (referenceAccuracy.isPresent()) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("reference", referenceAccuracy.getAsDouble());
            acc.put("device", deviceAccuracy.orElse(Double.NaN));
            m.put("accuracy", acc);
        }
        m.put("agreement", agreement);
        m.put("maxAbsScoreError", maxAbsScoreError);
        Map<String, Object> flash = new LinkedHashMap<>();
        flash.put("model", flashModel);
        flash.put("total", flashTotal);
        m.put("flashBytes", flash);
        Map<String, Object> ram = new LinkedHashMap<>();
        ram.put("static", ramStatic);
        ram.put("stackPeak", stackPeak);
        ram.put("total", ramTotal());
        m.put("ramBytes", ram);
        m.put("instructionsPerInference", instructionsPerInference);
        m.put("mismatchedSamples", mismatches.size() > 20 ? mismatches.subList(0, 20) : mismatches);
        m.put("passed", passed());
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("fgc verify: model %s on %s, %s%n", model, board, precision));
        b.append(String.format("  matched    %d/%d samples%s%n", matched, samples,
                mismatches.isEmpty() ? "" : " (first mismatch: sample " + mismatches.get(0) + ")"));
        if (referenceAccuracy.isPresent()) {
            b.append(String.format("  accuracy   reference %.2f%%, device %.2f%%%n",
                    100 * referenceAccuracy.getAsDouble(), 100 * deviceAccuracy.orElse(Double.NaN)));
        }
        b.append(String.format("  agreement  %.2f%% (device class = reference class)%n", 100 * agreement));
        b.append(String.format("  max |score error| %.3g%n", maxAbsScoreError));
        b.append(String.format("  flash      %d bytes (model %d)%n", flashTotal, flashModel));
        b.append(String.format("  RAM        %d bytes (static %d, stack peak %d)%n", ramTotal(), ramStatic, stackPeak));
        b.append(String.format("  speed      %d instructions per inference%n", instructionsPerInference));
        b.append(passed() ? "  PASSED\n" : "  FAILED: the device disagrees with the reference\n");
        return b.toString();
    }
}
