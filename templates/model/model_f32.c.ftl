<#-- A compiled model at float precision: constants in flash, the cell as calls to runtime kernels. -->
/*
 * ${banner}
 */
#include "${prefix}_model.h"
#include "fgc_f32.h"
<#if anySparse>
#include "fgc_sparse.h"
</#if>

<#list tensors as t>
/* ${t.comment} */
static const ${t.type} ${t.symbol}[${t.length}] = {
<#list t.lines as line>
    ${line}
</#list>
};

</#list>
<#list scalars as s>
static const float ${s.symbol} = ${s.value}; /* ${s.comment} */
</#list>

<#-- out (+)= M·in, M stored [out][in], dense or compressed rows. -->
<#macro product p>
<#if p.sparse>
    fgc_spmv_f32_i${p.indexBits}(${p.counts}, ${p.idx}, ${p.val}, ${p.input}, ${p.rows}u, ${p.accumulate?then(1, 0)}, ${p.output});
<#else>
    fgc_matvec<#if p.accumulate>_acc</#if>_f32(${p.matrix}, ${p.input}, ${p.rows}u, ${p.cols}u, ${p.output});
</#if>
</#macro>
/* pre = x.W + h.U, with every matrix stored transposed ([out][in]). */
static void ${prefix}_preactivation(const float *x, const float *h, float *pre)
{
<#list buffers as b>
    float ${b.name}[${b.length}];
</#list>
<#list projections as p>
<@product p/>
</#list>
}

void ${prefix}_init(${prefix}_state_t *state)
{
    uint16_t i;
    for (i = 0; i < ${PREFIX}_HIDDEN_DIMS; i++) {
        state->h[i] = 0.0f;
    }
    state->t = 0;
}

int ${prefix}_step(${prefix}_state_t *state, const float x[${PREFIX}_INPUT_DIMS])
{
    float xn[${PREFIX}_INPUT_DIMS];
    float pre[${PREFIX}_HIDDEN_DIMS];
<#if cellKind == "FastGRNN">
    float z[${PREFIX}_HIDDEN_DIMS];
    float c[${PREFIX}_HIDDEN_DIMS];
<#else>
    float c[${PREFIX}_HIDDEN_DIMS];
</#if>
    uint32_t offset;

    if (state->t >= ${PREFIX}_TIMESTEPS) {
        return -1;
    }
    offset = (uint32_t)state->t * ${PREFIX}_INPUT_DIMS;
    fgc_normalize_f32(x, ${mean} + offset, ${std} + offset, ${PREFIX}_INPUT_DIMS, xn);
    ${prefix}_preactivation(xn, state->h, pre);
<#if cellKind == "FastGRNN">
    fgc_add_f32(pre, ${bg}, ${PREFIX}_HIDDEN_DIMS, z);
    fgc_${gate}_f32(z, ${PREFIX}_HIDDEN_DIMS);
    fgc_add_f32(pre, ${bh}, ${PREFIX}_HIDDEN_DIMS, c);
    fgc_${update}_f32(c, ${PREFIX}_HIDDEN_DIMS);
    fgc_fastgrnn_blend_f32(z, c, ${zeta}, ${nu}, ${PREFIX}_HIDDEN_DIMS, state->h);
<#else>
    fgc_add_f32(pre, ${b}, ${PREFIX}_HIDDEN_DIMS, c);
    fgc_${update}_f32(c, ${PREFIX}_HIDDEN_DIMS);
    fgc_fastrnn_blend_f32(c, ${alpha}, ${beta}, ${PREFIX}_HIDDEN_DIMS, state->h);
</#if>
    state->t++;
    return 0;
}

uint16_t ${prefix}_scores(const ${prefix}_state_t *state, float scores[${PREFIX}_NUM_CLASSES])
{
<@product fc/>
    fgc_add_f32(scores, ${fcBias}, ${PREFIX}_NUM_CLASSES, scores);
    return fgc_argmax_f32(scores, ${PREFIX}_NUM_CLASSES);
}

uint16_t ${prefix}_classify(const float features[${PREFIX}_FEATURES], float scores[${PREFIX}_NUM_CLASSES])
{
    ${prefix}_state_t state;
    uint16_t t;

    ${prefix}_init(&state);
    for (t = 0; t < ${PREFIX}_TIMESTEPS; t++) {
        (void)${prefix}_step(&state, features + (uint32_t)t * ${PREFIX}_INPUT_DIMS);
    }
    return ${prefix}_scores(&state, scores);
}
