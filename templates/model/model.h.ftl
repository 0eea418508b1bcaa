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

/* One sequence's state, owned by the caller: several sequences can run side by side. */
typedef struct {
    ${stateType} h[${PREFIX}_HIDDEN_DIMS];
    uint16_t t; /* index of the next timestep */
} ${prefix}_state_t;

/* Starts a new sequence. */
void ${prefix}_init(${prefix}_state_t *state);

/*
 * Feeds the raw (un-normalised) inputs of the next timestep. Returns 0, or -1 when the
 * sequence already has all ${PREFIX}_TIMESTEPS steps (the state is then left unchanged).
 */
int ${prefix}_step(${prefix}_state_t *state, const float x[${PREFIX}_INPUT_DIMS]);

/* Writes the class scores (logits) for the steps fed so far and returns the predicted class. */
uint16_t ${prefix}_scores(const ${prefix}_state_t *state, ${scoreType} scores[${PREFIX}_NUM_CLASSES]);

/* Runs a whole example (${PREFIX}_TIMESTEPS steps, time-major) and returns the predicted class. */
uint16_t ${prefix}_classify(const float features[${PREFIX}_FEATURES], ${scoreType} scores[${PREFIX}_NUM_CLASSES]);

#ifdef __cplusplus
}
#endif

#endif /* ${PREFIX}_MODEL_H */
