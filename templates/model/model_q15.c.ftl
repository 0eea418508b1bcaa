<#-- A compiled model in fixed point: quantized constants in flash (FGC_ROM, read through
     fgc_memory.h), the step as calls of the inline kernels of fgc_q15_inline.h with the plan's
     constants: products, and loops that take each element through a run of element-wise ops (see
     FixedTemplateData). -->
/*
 * ${banner}
 * Fixed point, docs/fixed-point.md: ${rangeSource}.
 */
#include "${prefix}_model.h"
#include "fgc_q15_inline.h"
<#if anySparse>
#include "fgc_sparse.h"
</#if>

<#list tensors as t>
<#if t.guard??>
#if ${t.guard}
</#if>
/* ${t.comment} */
static const ${t.type} ${t.symbol}[${t.length}] FGC_ROM = {
<#if t.groupLines??>
#if FGC_W8_ROWS == ${t.groupRows} /* rows in groups of ${t.groupRows}, each group column by column (fgc_q15.h) */
<#list t.groupLines as line>
    ${line}
</#list>
#else
<#list t.lines as line>
    ${line}
</#list>
#endif
<#else>
<#list t.lines as line>
    ${line}
</#list>
</#if>
};
<#if t.guard??>
#endif
</#if>

</#list>
<#macro element op>
<#switch op.kind>
<#case "narrow">
        ${op.out}fgc_narrow_q15_el(${op.in});
<#break>
<#case "bias">
        ${op.out}fgc_bias_q15_el(${op.in}, FGC_ROM_I16(${op.bias} + i));
<#break>
<#case "activation">
        ${op.out}fgc_${op.function}_q15_el(${op.in}, ${op.frac});
<#break>
<#case "grnn">
        state->h[i] = (int16_t)fgc_fastgrnn_blend<#if op.wide>_wide<#elseif op.bounded>_bounded</#if>_q15_el(${op.z}, ${op.zFrac}, ${op.c}, ${op.cFrac}, ${op.zeta}, ${op.nu}, ${op.hFrac}, state->h[i]);
<#break>
<#case "rnn">
        state->h[i] = (int16_t)fgc_fastrnn_blend<#if op.wide>_wide</#if>_q15_el(${op.c}, ${op.cFrac}, ${op.alpha}, ${op.beta}, ${op.hFrac}, state->h[i]);
<#break>
<#case "bias31">
        ${op.out}fgc_bias_q31_el(${op.in}, FGC_ROM_I32(${op.bias} + i));
<#break>
</#switch>
</#macro>
<#macro statements list>
<#list list as st>
<#if st.kind == "normalize">
    fgc_normalize_q15_inl(${st.in}, ${st.mean} + offset, ${st.invStd} + offset, ${PREFIX}_INPUT_DIMS, ${st.shift}, ${st.out});
<#elseif st.kind == "matvec">
<#assign f = st.factors[0]>
    fgc_matvec_${st.weights}_q15_inl(${f.matrix}, ${f.in}, ${st.rows}u, ${f.cols}u, ${f.shift}, ${st.accumulate?then(1, 0)}, ${st.out});
<#elseif st.kind == "matvec_narrow">
<#assign f = st.factors[0]>
    fgc_matvec_narrow_${st.weights}_q15_inl(${f.matrix}, ${f.in}, ${st.rows}u, ${f.cols}u, ${f.shift}, ${st.out});
<#elseif st.kind == "grnn_cell">
    ${prefix}_cell(${st.pre}, state->h);
<#elseif st.kind == "spmv">
    ${st.function}(${st.in}, ${st.out});
<#elseif st.kind == "matvec2">
<#assign f = st.factors[0]>
<#assign g = st.factors[1]>
    fgc_matvec2_${st.weights}_q15_inl(${f.matrix}, ${f.in}, ${f.cols}u, ${f.shift}, ${g.matrix}, ${g.in}, ${g.cols}u, ${g.shift}, ${st.rows}u, ${st.out});
<#else>
    for (i = 0; i < ${st.length}u; i++) {
<#if st.scalars?has_content>
        int32_t ${st.scalars?join(", ")};
</#if>
<#list st.ops as op>
<@element op/>
</#list>
    }
</#if>
</#list>
</#macro>
<#list step as st>
<#if st.kind == "grnn_cell">
/* FastGRNN's element loop (fgc_fastgrnn_${st.gate}_tanh_q15_inl) */
static <#if st.gate == "sigmoid">FGC_ASM_OUT_OF_LINE<#else>FGC_TANH_GATE_OUT_OF_LINE</#if> void ${prefix}_cell(const int32_t *pre, int16_t *h)
{
    fgc_fastgrnn_${st.gate}_tanh_q15_inl(pre, ${st.bg}, ${st.bh}, ${st.frac}, ${st.zeta}, ${st.nu}, ${st.hFrac}, ${st.length}u, h);
}

</#if>
</#list>
<#list step + classifier as st>
<#if st.kind == "spmv">
/* a product over compressed rows, in a function of its own (FGC_PRODUCT_OUT_OF_LINE, fgc_q15_products.h) */
static FGC_PRODUCT_OUT_OF_LINE void ${st.function}(const int16_t *v, int32_t *y)
{
<#assign separate = "fgc_spmv_${st.weights}_q15_i${st.indexBits}_inl(${st.counts}, ${st.idx}, ${st.val}, v, ${st.rows}u, ${st.shift}, ${st.accumulate}, y);">
<#if st.pairs??>
#if FGC_SPARSE_PAIRS == 1
    fgc_spmv_q7_q15_pairs_inl(${st.pairs}, v, ${st.rows}u, ${st.shift}, ${st.accumulate}, y);
#else
    ${separate}
#endif
<#else>
    ${separate}
</#if>
}

</#if>
</#list>
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
    FGC_SCRATCH ${b.type} ${b.name}[${b.length}];
</#list>
    uint32_t offset;
<#if stepLoops>
    uint32_t i;
</#if>

    if (state->t >= ${PREFIX}_TIMESTEPS) {
        return -1;
    }
    offset = (uint32_t)state->t * ${PREFIX}_INPUT_DIMS;
<@statements step/>
    state->t++;
    return 0;
}

uint16_t ${prefix}_scores(const ${prefix}_state_t *state, int32_t scores[${PREFIX}_NUM_CLASSES])
{
    uint32_t i;

<@statements classifier/>
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
