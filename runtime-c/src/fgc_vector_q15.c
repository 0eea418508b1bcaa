/* §3.3 narrowing and bias, §3.8 classifier bias and argmax (docs/fixed-point.md). */
#include "fgc_q15.h"

static int32_t sat16(int32_t a)
{
    return a < -32768 ? -32768 : (a > 32767 ? 32767 : a);
}

void fgc_narrow_q15(const int32_t *a, uint16_t n, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)sat16(a[i]);
    }
}

void fgc_bias_q15(const int32_t *a, const int16_t *b, uint16_t n, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        /* Clamping a to [-2^16, 2^16 - 1] first cannot change sat16(a + b) since |b| <= 2^15,
         * and keeps the sum in int32. */
        int32_t s = a[i] < -65536 ? -65536 : (a[i] > 65535 ? 65535 : a[i]);
        y[i] = (int16_t)sat16(s + b[i]);
    }
}

void fgc_bias_q31(const int32_t *a, const int32_t *b, uint16_t n, int32_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        int32_t x = a[i];
        int32_t d = b[i];
        if (d > 0 && x > INT32_MAX - d) {
            y[i] = INT32_MAX;
        } else if (d < 0 && x < INT32_MIN - d) {
            y[i] = INT32_MIN;
        } else {
            y[i] = x + d;
        }
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
