<#-- Real-valued inputs to the model's input type (shared by every export). -->
/*
 * [=banner]
 * Real-valued inputs of model '[=modelName]' in the type its API takes.
 */
#ifndef [=PREFIX]_INPUT_H
#define [=PREFIX]_INPUT_H

#include "[=prefix]_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One raw (un-normalised) input value as [=prefix]_step and [=prefix]_classify take it:
<#if fixedPoint>
 * int16 in Q[=inputFrac], rounded half up and saturated exactly as fgc's Java reference does
 * (fgc docs/fixed-point.md §2), so the model sees the integers fgc verified. NaN gives 0.
<#else>
 * a float.
</#if>
 */
[=inputType] [=prefix]_input_from_real(double value);

#ifdef __cplusplus
}
#endif

#endif /* [=PREFIX]_INPUT_H */
