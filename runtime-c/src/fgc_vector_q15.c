/* §3.3 narrowing and bias, §3.8 classifier bias and argmax (docs/fixed-point.md); the elements
 * are in fgc_q15_inline.h. */
#include "fgc_q15_inline.h"

void fgc_narrow_q15(const int32_t *a, uint16_t n, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_narrow_q15_el(a[i]);
    }
}

void fgc_bias_q15(const int32_t *a, const int16_t *b, uint16_t n, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_bias_q15_el(a[i], FGC_ROM_I16(b + i));
    }
}

void fgc_bias_q31(const int32_t *a, const int32_t *b, uint16_t n, int32_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = fgc_bias_q31_el(a[i], FGC_ROM_I32(b + i));
    }
}

uint16_t fgc_argmax_q31(const int32_t *v, uint16_t n)
{
    uint16_t i, best = 0;
    for (i = 1; i < n; i++) {
        if (v[i] > v[best]) {
            best = i;
        }
    }
    return best;
}
