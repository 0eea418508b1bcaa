/* §3.1 normalisation in fixed point (docs/fixed-point.md); computed by fgc_q15_inline.h. */
#include "fgc_q15_inline.h"

void fgc_normalize_q15(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint16_t n, uint8_t shift, int16_t *y)
{
    fgc_normalize_q15_inl(x, mean, inv_std, n, shift, y);
}
