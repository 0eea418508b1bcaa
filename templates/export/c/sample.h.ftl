<#-- The built-in sample and its expected result (shared by every export). -->
/*
 * [=banner]
 * The built-in sample of model '[=modelName]': [=sample.origin].
 */
#ifndef [=PREFIX]_SAMPLE_H
#define [=PREFIX]_SAMPLE_H

#include "[=prefix]_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The sample's class according to fgc's Java reference. */
#define [=PREFIX]_SAMPLE_CLASS [=sample.expectedClass]u

/*
 * Feeds the built-in sample through the model one timestep at a time, as a sensor would, writes
 * its scores and returns the predicted class.
 */
uint16_t [=prefix]_sample_run([=scoreType] scores[[=PREFIX]_NUM_CLASSES]);

/*
 * 1 when the scores are the reference's for the sample, else 0: <#if fixedPoint>equal integers (the
 * fixed-point reference is bit-exact)<#else>each within 1e-4 x max(1, |reference|), the tolerance
 * of fgc verify at float</#if>.
 */
int [=prefix]_sample_matches(const [=scoreType] scores[[=PREFIX]_NUM_CLASSES]);

#ifdef __cplusplus
}
#endif

#endif /* [=PREFIX]_SAMPLE_H */
