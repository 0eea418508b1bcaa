<#-- The public header of a compiled model. -->
/*
 * ${banner}
 * Model '${modelName}': ${cellKind}, ${timesteps} steps x ${inputs} inputs, hidden ${hidden}, ${classes} classes.
 * Precision: ${precision}.
 */
#ifndef ${PREFIX}_MODEL_H
#define ${PREFIX}_MODEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ${PREFIX}_INPUT_DIMS ${inputs}u
#define ${PREFIX}_TIMESTEPS ${timesteps}u
#define ${PREFIX}_HIDDEN_DIMS ${hidden}u
#define ${PREFIX}_NUM_CLASSES ${classes}u
#define ${PREFIX}_FEATURES ${features}u
<#if fixedPoint>

/* Fixed point (docs/fixed-point.md): inputs are int16 in Q${inputFrac} (value = q / 2^${inputFrac}),
 * scores int32 in Q${scoreFrac}, the hidden state int16 in Q${hiddenFrac}. */
#define ${PREFIX}_INPUT_FRAC_BITS ${inputFrac}
#define ${PREFIX}_SCORE_FRAC_BITS ${scoreFrac}
#define ${PREFIX}_HIDDEN_FRAC_BITS ${hiddenFrac}
</#if>

/* One sequence's state, owned by the caller: several sequences can run side by side. */
typedef struct {
    ${stateType} h[${PREFIX}_HIDDEN_DIMS];
    uint16_t t; /* index of the next timestep */
} ${prefix}_state_t;

/* Starts a new sequence. */
void ${prefix}_init(${prefix}_state_t *state);

/*
 * Feeds the raw (un-normalised) inputs of the next timestep<#if fixedPoint>, in Q${inputFrac}</#if>. Returns 0, or -1 when the
 * sequence already has all ${PREFIX}_TIMESTEPS steps (the state is then left unchanged).
 */
int ${prefix}_step(${prefix}_state_t *state, const ${inputType} x[${PREFIX}_INPUT_DIMS]);

/* Writes the class scores (logits) for the steps fed so far and returns the predicted class. */
uint16_t ${prefix}_scores(const ${prefix}_state_t *state, ${scoreType} scores[${PREFIX}_NUM_CLASSES]);

/* Runs a whole example (${PREFIX}_TIMESTEPS steps, time-major) and returns the predicted class. */
uint16_t ${prefix}_classify(const ${inputType} features[${PREFIX}_FEATURES], ${scoreType} scores[${PREFIX}_NUM_CLASSES]);

#ifdef __cplusplus
}
#endif

#endif /* ${PREFIX}_MODEL_H */
