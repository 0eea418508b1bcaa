<#-- Real-valued inputs to the model's input type (shared by every export). -->
/*
 * [=banner]
 */
<#if fixedPoint>
#include <math.h>
</#if>
#include "[=prefix]_input.h"

[=inputType] [=prefix]_input_from_real(double value)
{
<#if fixedPoint>
    double scaled;
    double down;
    double rounded;

    if (value != value) {
        return 0;
    }
    scaled = ldexp(value, [=PREFIX]_INPUT_FRAC_BITS);
    down = floor(scaled);
    /* scaled - down is exact for |scaled| >= 1 and rounds monotonically below, as in the reference */
    rounded = scaled - down >= 0.5 ? down + 1.0 : down;
    if (rounded >= 32767.0) {
        return 32767;
    }
    if (rounded <= -32768.0) {
        return -32768;
    }
    return (int16_t)rounded;
<#else>
    return (float)value;
</#if>
}
