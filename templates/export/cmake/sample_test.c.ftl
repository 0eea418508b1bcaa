<#-- The CMake package's test (ctest): the built-in sample gives the reference's scores and class. -->
/*
 * [=banner]
 * Runs the built-in sample through the model: exit 0 when its class and scores are the ones fgc's
 * Java reference computed, 1 otherwise.
 */
#include <stdio.h>
#include "[=prefix]_sample.h"

int main(void)
{
    [=scoreType] scores[[=PREFIX]_NUM_CLASSES];
    uint16_t cls = [=prefix]_sample_run(scores);
    int ok = cls == [=PREFIX]_SAMPLE_CLASS && [=prefix]_sample_matches(scores);

    printf("[=prefix] built-in sample: class %u, reference %u, scores %s\n", (unsigned)cls,
           (unsigned)[=PREFIX]_SAMPLE_CLASS, [=prefix]_sample_matches(scores) ? "match" : "differ");
    return ok ? 0 : 1;
}
