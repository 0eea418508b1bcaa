package dev.fgc.export;

import dev.fgc.emit.FloatLiterals;
import dev.fgc.emit.IntLiterals;
import dev.fgc.load.Dataset;
import dev.fgc.model.Model;
import dev.fgc.quantize.CompiledModel;
import dev.fgc.reference.FixedReference;
import dev.fgc.reference.FloatReference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The example a package carries so that its test and example sketch run without a sensor, with the
 * scores and class the Java reference (the oracle of {@code fgc verify}) computes for it: bit for
 * bit at fixed point, in double precision at float.
 */
public record BuiltInSample(double[] raw, String origin) {

    public BuiltInSample {
        raw = raw.clone();
    }

    /** The first example of {@code data} when given, else the normaliser's mean (all normalised inputs 0). */
    public static BuiltInSample of(Model model, Optional<Dataset> data) {
        return data.map(d -> new BuiltInSample(d.features(0), "example 0 of " + Path.of(d.source()).getFileName()))
                .orElseGet(() -> new BuiltInSample(model.normalizer().mean().values(),
                        "the normaliser's mean (every normalised input 0)"));
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    /** The sample as the model takes it, and the reference's scores and class, as C literals. */
    public Map<String, Object> templateData(CompiledModel compiled) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("origin", origin);
        if (compiled.plan().isPresent()) {
            FixedReference ref = new FixedReference(compiled.plan().get());
            int[] inputs = ref.quantizeInputs(raw);
            int[] scores = ref.scores(inputs);
            d.put("inputLines", IntLiterals.lines(inputs));
            d.put("scoreLines", IntLiterals.lines(scores));
            d.put("expectedClass", FixedReference.argmax(scores));
        } else {
            double[] scores = new FloatReference(compiled.model()).scores(raw);
            d.put("inputLines", FloatLiterals.lines(raw));
            d.put("scoreLines", FloatLiterals.lines(scores));
            d.put("expectedClass", FloatReference.argmax(scores));
        }
        return d;
    }
}
