/* §3.1 normalisation in fixed point (docs/fixed-point.md). */
#include "fgc_q15.h"

/* rshift(a, s) of §2: floor(a / 2^s) plus bit s-1 of a, which is floor((a + 2^(s-1)) / 2^s)
 * without the addition that could overflow. For s >= 32 every int32 rounds to 0. */
static int32_t rshift32(int32_t a, uint8_t s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 32) {
        return 0;
    }
    return (a >> s) + ((a >> (s - 1)) & 1);
}

static int32_t sat16(int32_t a)
{
    return a < -32768 ? -32768 : (a > 32767 ? 32767 : a);
}

void fgc_normalize_q15(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint16_t n, uint8_t shift, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        int32_t d = sat16((int32_t)x[i] - (int32_t)mean[i]);
        /* |d|, |inv_std| <= 2^15, so |d * inv_std| <= 2^30 */
        y[i] = (int16_t)sat16(rshift32(d * (int32_t)inv_std[i], shift));
    }
}
