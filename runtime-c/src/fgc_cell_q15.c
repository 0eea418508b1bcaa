/* §3.5 FastGRNN and §3.6 FastRNN hidden-state updates in fixed point (docs/fixed-point.md).
 * h is updated in place. The int32 kernels use no 64-bit arithmetic; the _wide ones compute the
 * same integers in int64 for any inputs.
 *
 * A format change by a negative shift (f_z < 0) is a multiplication by 2^(-f_z), never a left
 * shift. For f_z >= 0 the FastGRNN coefficient rshift(zeta * (2^f_z - z), f_z) + nu is computed
 * as zeta + nu + rshift(-(zeta * z), f_z): adding a multiple of 2^s commutes with rshift(., s),
 * and -(zeta * z) fits int32 for all int16 values where zeta * (2^f_z - z) may not. */
#include "fgc_q15.h"

/* rshift(a, s) of §2 without an addition that could overflow; 0 for s >= 32. */
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

/* The same on int64; 0 for s >= 64. */
static int64_t rshift64(int64_t a, uint8_t s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 64) {
        return 0;
    }
    return (a >> s) + ((a >> (s - 1)) & 1);
}

static int16_t sat16_32(int32_t a)
{
    return (int16_t)(a < -32768 ? -32768 : (a > 32767 ? 32767 : a));
}

static int16_t sat16_64(int64_t a)
{
    return (int16_t)(a < -32768 ? -32768 : (a > 32767 ? 32767 : a));
}

/* Requires (§3.5) that every intermediate fits int32, which holds in particular for any c, h, fc,
 * fh when f_z >= 0, |z| <= 2^f_z and 0 <= zeta, nu <= 2^14. */
void fgc_fastgrnn_blend_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h)
{
    uint8_t sc = (uint8_t)(14 + fc - fh);
    int32_t zt = zeta;
    int32_t base = (int32_t)zeta + nu;
    uint16_t i;
    if (fz >= 0) {
        uint8_t sz = (uint8_t)fz;
        for (i = 0; i < n; i++) {
            int32_t zi = z[i];
            int32_t coef = base + rshift32(-(zt * zi), sz);
            h[i] = sat16_32(rshift32(zi * h[i], sz) + rshift32(coef * c[i], sc));
        }
    } else {
        int32_t k = (int32_t)1 << -fz;
        for (i = 0; i < n; i++) {
            int32_t zi = z[i] * k;
            int32_t coef = base - zt * zi;
            h[i] = sat16_32(zi * h[i] + rshift32(coef * c[i], sc));
        }
    }
}

void fgc_fastgrnn_blend_wide_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h)
{
    uint8_t sc = (uint8_t)(14 + fc - fh);
    int64_t zt = zeta;
    int64_t base = (int64_t)zeta + nu;
    uint16_t i;
    if (fz >= 0) {
        uint8_t sz = (uint8_t)fz;
        for (i = 0; i < n; i++) {
            int64_t zi = z[i];
            int64_t coef = base + rshift64(-(zt * zi), sz);
            h[i] = sat16_64(rshift64(zi * h[i], sz) + rshift64(coef * c[i], sc));
        }
    } else {
        int64_t k = (int64_t)1 << -fz;
        for (i = 0; i < n; i++) {
            /* |zi| <= 2^31, |coef| <= 2^46 + 2^16, |coef * c| < 2^62 */
            int64_t zi = z[i] * k;
            int64_t coef = base - zt * zi;
            h[i] = sat16_64(zi * h[i] + rshift64(coef * c[i], sc));
        }
    }
}

/* Never overflows int32: |beta * h|, |alpha * c| <= 2^30, so the sum of the two shifted terms is
 * at most 2^16 + 2^30 in magnitude. */
void fgc_fastrnn_blend_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h)
{
    uint8_t sc = (uint8_t)(14 + fc - fh);
    int32_t a = alpha;
    int32_t b = beta;
    uint16_t i;
    for (i = 0; i < n; i++) {
        h[i] = sat16_32(rshift32(b * h[i], 14) + rshift32(a * c[i], sc));
    }
}

void fgc_fastrnn_blend_wide_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h)
{
    uint8_t sc = (uint8_t)(14 + fc - fh);
    int64_t a = alpha;
    int64_t b = beta;
    uint16_t i;
    for (i = 0; i < n; i++) {
        h[i] = sat16_64(rshift64(b * h[i], 14) + rshift64(a * c[i], sc));
    }
}
