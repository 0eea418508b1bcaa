<#-- The README of every exported package; the export's own section comes from usageTemplate. -->
# [=prefix]: [=packageTitle] of model '[=modelName]'

[=banner]

[=cellKind] model '[=modelName]': [=timesteps] timesteps of [=inputs] inputs, hidden state of [=hidden],
[=classes] classes, compiled by fgc [=fgcVersion] to plain C99 at precision **[=precision]**
(fgc options: `[=buildOptions]`). Package version [=version].

## API

```c
#include "[=prefix]_model.h"

[=prefix]_state_t s;                        /* caller-owned: several sequences can run side by side */
[=scoreType] scores[[=PREFIX]_NUM_CLASSES];
[=prefix]_init(&s);
for (t = 0; t < [=PREFIX]_TIMESTEPS; t++)
    [=prefix]_step(&s, x_t);                /* [=PREFIX]_INPUT_DIMS raw inputs, [=inputType] */
uint16_t cls = [=prefix]_scores(&s, scores); /* logits and the predicted class */

cls = [=prefix]_classify(features, scores);  /* or a whole example, [=PREFIX]_FEATURES inputs */
```

`[=prefix]_step` returns -1 (and leaves the state alone) once the sequence has all its timesteps.
Inputs are raw, not normalised: the model applies the training data's mean and standard deviation.
<#if fixedPoint>
They are `int16_t` in Q[=inputFrac] (value = q / 2^[=inputFrac]); scores are `int32_t` in Q[=scoreFrac].
</#if>
`[=prefix]_input.h` converts a real value to the input type: `[=prefix]_input_from_real(v)`<#if fixedPoint>
(rounded half up and saturated exactly as fgc's reference does)</#if>.
`[=prefix]_sample.h` holds a built-in sample ([=sample.origin]): `[=prefix]_sample_run(scores)` feeds
it one timestep at a time and returns the class, `[=prefix]_sample_matches(scores)` compares the scores
with the reference's; the reference's class is `[=PREFIX]_SAMPLE_CLASS` ([=sample.expectedClass]).

The headers are C and declare `extern "C"` for C++.

## Sizes

| | bytes |
|---|---|
| model constants (flash) | [=sizes.constantBytes] |
| state, one sequence (RAM, yours) | [=sizes.stateBytes] |
| scratch of one step (stack, at most) | [=sizes.scratchBytes] |

| tensor | shape | non-zeros | layout | bytes |
|---|---|---|---|---|
<#list sizes.tensors as t>
| [=t.name] | [=t.shape] | [=t.nonZeros] | [=t.layout] | [=t.bytes] |
</#list>

Code comes on top of the constants: a few kilobytes, see `flashBytes.model` in a `fgc verify --json` report.

## How it was verified

The model and runtime sources are, byte for byte, the ones `fgc compile` writes and `fgc verify`
builds into its firmware for the same options: `fgc verify` runs that firmware in an emulator and
compares every example's scores with fgc's Java reference — <#if fixedPoint>bit for bit at fixed point<#else>within
1e-4 x max(1, |score|) at float</#if>. To check them on your own data:

    fgc verify MODEL --data DATA.npy [=buildOptions]<#if board??> --board [=board.name]</#if>
<#if verification??>

When the package was exported, `fgc verify` checked these sources on [=verification.data]:

```
[=verification.summary]```
</#if>

fgc's tests build this package and check that the built-in sample gives the reference's scores
and class [=sample.expectedClass]; the package's own check below does the same on your machine or board.

<#include "/" + usageTemplate>
