package dev.fgc.verify;

import dev.fgc.device.DeviceRun;
import dev.fgc.pack.SizeReport;
import dev.fgc.report.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one verification: what matched, accuracy, sizes and speed. The per-example
 * device predictions and raw score bits (int32, or float32 bits) are kept for callers (the Java
 * twin's tests compare with them), and so is the float model's side of each example (the HTML
 * report plots it), but they are left out of the JSON, which stays small.
 */
public record VerifyReport(String model, String board, String precision, int samples, int matched,
                           Optional<Accuracy> accuracy, double agreement, double maxAbsScoreError,
                           double meanAbsScoreError, Sizes sizes, Speed speed,
                           List<Integer> mismatches, List<Integer> devicePredictions, List<int[]> deviceScoreBits,
                           PerSample perSample,
                           Optional<Map<String, Object>> quantization, Optional<SizeReport> packing) {

    /** Accuracy against the labels of the float model, of the oracle (the reference) and of the device. */
    public record Accuracy(double floatModel, double reference, double device) {
    }

    /** Per example, the float model's class and each score's distance from the float model's score. */
    public record PerSample(List<Integer> floatPredictions, List<double[]> absScoreErrors) {
        public static final PerSample NONE = new PerSample(List.of(), List.of());
    }

    /**
     * Flash of the model package, the model's constants as the linked image holds them (nm), the
     * whole firmware's flash by section (the embedded inputs left out), static RAM by section
     * (.data, .bss) and the measured stack peak. A device reached over a line has no image: only
     * its stack peak is known.
     */
    public record Sizes(long flashModel, long elfConstants, Map<String, Long> flashSections,
                        Map<String, Long> ramSections, long stackPeak) {
        public Sizes {
            flashSections = Collections.unmodifiableMap(new LinkedHashMap<>(flashSections));
            ramSections = Collections.unmodifiableMap(new LinkedHashMap<>(ramSections));
        }

        public long flashTotal() {
            return flashSections.values().stream().mapToLong(Long::longValue).sum();
        }

        public long ramStatic() {
            return ramSections.values().stream().mapToLong(Long::longValue).sum();
        }

        public long ramTotal() {
            return ramStatic() + stackPeak;
        }
    }

    /**
     * Work per whole classification, in what the board's runner counts: instructions (QEMU) or
     * cycles (a cycle-accurate simulator), with the time those cycles take at the board's clock.
     */
    public record Speed(DeviceRun.Unit unit, long perInference, long clockHz) {
        public double milliseconds() {
            return 1000.0 * perInference / clockHz;
        }

        void addTo(Map<String, Object> m) {
            if (unit == DeviceRun.Unit.CYCLES) {
                m.put("cyclesPerInference", perInference);
                m.put("millisecondsPerInference", Math.round(milliseconds() * 1000) / 1000.0);
            } else {
                m.put("instructionsPerInference", perInference);
            }
        }

        String describe() {
            return unit == DeviceRun.Unit.CYCLES
                    ? String.format(Locale.ROOT, "%d cycles per inference (%.2f ms at %d MHz)", perInference, milliseconds(),
                    clockHz / 1_000_000)
                    : perInference + " instructions per inference";
        }
    }

    public VerifyReport withQuantization(Map<String, Object> q) {
        return new VerifyReport(model, board, precision, samples, matched, accuracy, agreement, maxAbsScoreError,
                meanAbsScoreError, sizes, speed, mismatches, devicePredictions, deviceScoreBits, perSample,
                Optional.of(q), packing);
    }

    /** Adds the size accounting: per tensor layout, value and index bytes; constantBytes; RAM. */
    public VerifyReport withSizes(SizeReport s) {
        return new VerifyReport(model, board, precision, samples, matched, accuracy, agreement, maxAbsScoreError,
                meanAbsScoreError, sizes, speed, mismatches, devicePredictions, deviceScoreBits, perSample,
                quantization, Optional.of(s));
    }

    public boolean passed() {
        return samples > 0 && matched == samples;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("board", board);
        m.put("precision", precision);
        m.put("samples", samples);
        m.put("matched", matched);
        accuracy.ifPresent(a -> {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("float", a.floatModel());
            acc.put("reference", a.reference());
            acc.put("device", a.device());
            m.put("accuracy", acc);
        });
        m.put("agreement", agreement);
        m.put("maxAbsScoreError", maxAbsScoreError);
        m.put("meanAbsScoreError", meanAbsScoreError);
        Map<String, Object> ram = new LinkedHashMap<>();
        if (imageMeasured()) {
            Map<String, Object> flash = new LinkedHashMap<>();
            flash.put("model", sizes.flashModel());
            flash.put("total", sizes.flashTotal());
            flash.put("constantsInImage", sizes.elfConstants());
            m.put("flashBytes", flash);
            ram.put("static", sizes.ramStatic());
        }
        ram.put("stackPeak", sizes.stackPeak());
        if (imageMeasured()) {
            ram.put("total", sizes.ramTotal());
        }
        m.put("ramBytes", ram);
        if (speedMeasured()) {
            speed.addTo(m);
        }
        m.put("mismatchedSamples", mismatches.size() > 20 ? mismatches.subList(0, 20) : mismatches);
        quantization.ifPresent(q -> m.put("quantization", q));
        packing.map(SizeReport::toMap).ifPresent(p -> {
            m.put("constantBytes", p.get("constantBytes"));
            m.put("modelRamBytes", p.get("ramBytes"));
            m.put("tensors", p.get("tensors"));
        });
        m.put("passed", passed());
        return m;
    }

    /** A device reached over a serial line reports its stack only: there is no image to measure. */
    private boolean imageMeasured() {
        return sizes.flashTotal() > 0;
    }

    /** ... and no counter of instructions or cycles. */
    private boolean speedMeasured() {
        return speed.perInference() > 0;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "fgc verify: model %s on %s, %s%n", model, board, precision));
        b.append(String.format(Locale.ROOT, "  matched    %d/%d samples%s%n", matched, samples,
                mismatches.isEmpty() ? "" : " (first mismatch: sample " + mismatches.get(0) + ")"));
        accuracy.ifPresent(a -> b.append(String.format(Locale.ROOT, "  accuracy   float %.2f%%, reference %.2f%%, device %.2f%%%n",
                100 * a.floatModel(), 100 * a.reference(), 100 * a.device())));
        b.append(String.format(Locale.ROOT, "  agreement  %.2f%% (device class = float model's class)%n", 100 * agreement));
        b.append(String.format(Locale.ROOT, "  |score - float score|  max %.3g, mean %.3g%n", maxAbsScoreError, meanAbsScoreError));
        if (imageMeasured()) {
            b.append(String.format(Locale.ROOT, "  flash      %d bytes (model %d)%n", sizes.flashTotal(), sizes.flashModel()));
            b.append(String.format(Locale.ROOT, "  RAM        %d bytes (static %d, stack peak %d)%n", sizes.ramTotal(),
                    sizes.ramStatic(), sizes.stackPeak()));
        } else {
            b.append(String.format(Locale.ROOT, "  stack peak %d bytes%n", sizes.stackPeak()));
        }
        if (speedMeasured()) {
            b.append(String.format(Locale.ROOT, "  speed      %s%n", speed.describe()));
        }
        b.append(passed() ? "  PASSED\n" : "  FAILED: the device disagrees with the reference\n");
        return b.toString();
    }
}
