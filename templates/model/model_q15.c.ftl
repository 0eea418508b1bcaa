<#-- A compiled model in fixed point: quantized constants in flash, the step as the plan's kernel calls. -->
/*
 * ${banner}
 * Fixed point, docs/fixed-point.md: ${rangeSource}.
 */
#include "${prefix}_model.h"
#include "fgc_q15.h"

<#list tensors as t>
/* ${t.comment} */
static const ${t.type} ${t.symbol}[${t.length}] = {
<#list t.lines as line>
    ${line}
</#list>
};

</#list>
<#macro call op>
<#switch op.kind>
<#case "normalize">
    fgc_normalize_q15(${op.in}, ${op.mean} + offset, ${op.invStd} + offset, ${PREFIX}_INPUT_DIMS, ${op.shift}u, ${op.out});
<#break>
<#case "matvec">
    fgc_matvec<#if op.accumulate>_acc</#if>_${op.weights}_q15(${op.matrix}, ${op.in}, ${op.rows}u, ${op.cols}u, ${op.shift}u, ${op.out});
<#break>
<#case "narrow">
    fgc_narrow_q15(${op.in}, ${op.length}u, ${op.out});
<#break>
<#case "bias">
    fgc_bias_q15(${op.in}, ${op.bias}, ${op.length}u, ${op.out});
<#break>
<#case "activation">
    fgc_${op.function}_q15(${op.buffer}, ${op.length}u, ${op.frac}, ${op.buffer});
<#break>
<#case "grnn">
    fgc_fastgrnn_blend<#if op.wide>_wide</#if>_q15(${op.z}, ${op.zFrac}, ${op.c}, ${op.cFrac}, ${op.zeta}, ${op.nu}, ${PREFIX}_HIDDEN_DIMS, ${op.hFrac}, state->h);
<#break>
<#case "rnn">
    fgc_fastrnn_blend<#if op.wide>_wide</#if>_q15(${op.c}, ${op.cFrac}, ${op.alpha}, ${op.beta}, ${PREFIX}_HIDDEN_DIMS, ${op.hFrac}, state->h);
<#break>
<#case "bias31">
    fgc_bias_q31(${op.buffer}, ${op.bias}, ${op.length}u, ${op.buffer});
<#break>
</#switch>
</#macro>
void ${prefix}_init(${prefix}_state_t *state)
{
    uint16_t i;
    for (i = 0; i < ${PREFIX}_HIDDEN_DIMS; i++) {
        state->h[i] = 0;
    }
    state->t = 0;
}

int ${prefix}_step(${prefix}_state_t *state, const int16_t x[${PREFIX}_INPUT_DIMS])
{
<#list buffers as b>
    ${b.type} ${b.name}[${b.length}];
</#list>
    uint32_t offset;

    if (state->t >= ${PREFIX}_TIMESTEPS) {
        return -1;
    }
    offset = (uint32_t)state->t * ${PREFIX}_INPUT_DIMS;
<#list step as op>
<@call op/>
</#list>
    state->t++;
    return 0;
}

uint16_t ${prefix}_scores(const ${prefix}_state_t *state, int32_t scores[${PREFIX}_NUM_CLASSES])
{
<#list classifier as op>
<@call op/>
</#list>
    return fgc_argmax_q31(scores, ${PREFIX}_NUM_CLASSES);
}

uint16_t ${prefix}_classify(const int16_t features[${PREFIX}_FEATURES], int32_t scores[${PREFIX}_NUM_CLASSES])
{
    ${prefix}_state_t state;
    uint16_t t;

    ${prefix}_init(&state);
    for (t = 0; t < ${PREFIX}_TIMESTEPS; t++) {
        (void)${prefix}_step(&state, features + (uint32_t)t * ${PREFIX}_INPUT_DIMS);
    }
    return ${prefix}_scores(&state, scores);
}
