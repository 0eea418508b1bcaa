package dev.fgc.quantize;

import dev.fgc.model.Model;
import java.util.Optional;

/** A model at its chosen precision: float, or fixed point with the plan of every format. */
public record CompiledModel(Model model, Precision precision, Optional<FixedPlan> plan) {

    public static CompiledModel floating(Model model) {
        return new CompiledModel(model, Precision.FLOAT, Optional.empty());
    }

    public static CompiledModel fixed(Precision precision, FixedPlan plan) {
        return new CompiledModel(plan.model(), precision, Optional.of(plan));
    }

    public boolean isFixedPoint() {
        return plan.isPresent();
    }

    /** Bytes of one input value on the device. */
    public int inputBytes() {
        return isFixedPoint() ? Short.BYTES : Float.BYTES;
    }
}
