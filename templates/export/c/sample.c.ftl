<#-- The built-in sample and its expected result (shared by every export). -->
/*
 * [=banner]
 * The built-in sample ([=sample.origin]) and the scores fgc's Java reference computes for it.
 */
<#if !fixedPoint>
#include <math.h>
</#if>
#include <string.h>
#include "[=prefix]_sample.h"

#if defined(__AVR__)
#include <avr/pgmspace.h>
/* On AVR the tables stay in flash (RAM is a few kilobytes) and are copied a timestep at a time. */
#define [=PREFIX]_SAMPLE_FLASH PROGMEM
#define [=PREFIX]_SAMPLE_COPY memcpy_P
#else
#define [=PREFIX]_SAMPLE_FLASH
#define [=PREFIX]_SAMPLE_COPY memcpy
#endif

static const [=inputType] [=prefix]_sample_inputs[[=PREFIX]_FEATURES] [=PREFIX]_SAMPLE_FLASH = {
<#list sample.inputLines as line>
    [=line]
</#list>
};

static const [=scoreType] [=prefix]_sample_scores[[=PREFIX]_NUM_CLASSES] [=PREFIX]_SAMPLE_FLASH = {
<#list sample.scoreLines as line>
    [=line]
</#list>
};

uint16_t [=prefix]_sample_run([=scoreType] scores[[=PREFIX]_NUM_CLASSES])
{
    [=prefix]_state_t state;
    [=inputType] x[[=PREFIX]_INPUT_DIMS];
    uint16_t t;

    [=prefix]_init(&state);
    for (t = 0; t < [=PREFIX]_TIMESTEPS; t++) {
        [=PREFIX]_SAMPLE_COPY(x, &[=prefix]_sample_inputs[(uint32_t)t * [=PREFIX]_INPUT_DIMS], sizeof x);
        (void)[=prefix]_step(&state, x);
    }
    return [=prefix]_scores(&state, scores);
}

int [=prefix]_sample_matches(const [=scoreType] scores[[=PREFIX]_NUM_CLASSES])
{
    [=scoreType] expected[[=PREFIX]_NUM_CLASSES];
    uint16_t c;

    [=PREFIX]_SAMPLE_COPY(expected, [=prefix]_sample_scores, sizeof expected);
    for (c = 0; c < [=PREFIX]_NUM_CLASSES; c++) {
<#if fixedPoint>
        if (scores[c] != expected[c]) {
            return 0;
        }
<#else>
        float bound = fabsf(expected[c]) > 1.0f ? fabsf(expected[c]) : 1.0f;
        if (!(fabsf(scores[c] - expected[c]) <= 1e-4f * bound)) {
            return 0;
        }
</#if>
    }
    return 1;
}
