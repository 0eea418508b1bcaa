/* §3.4 nonlinearities in fixed point (docs/fixed-point.md): input in Q(f), f from -16 to 30;
 * output in Q14 (relu: unchanged). y may alias x. The format is the same for the whole vector,
 * so each kernel decides once how to rescale and then runs a branch-light loop. */
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

static int32_t clamp32(int32_t a, int32_t lo, int32_t hi)
{
    return a < lo ? lo : (a > hi ? hi : a);
}

/* tanh of x in Q(f) as Q14, §3.4 steps 1-3; f from -15 to 31 (sigmoid passes f + 1). |x| in Q13
 * is u = (|x| << up) >> down: for f >= 13, up = 0 and down = f - 13 (truncation); for f < 13,
 * down = 0 and up = min(13 - f, 16), where 16 is enough to send every nonzero |x| to u >= 2^16
 * (|x| << 16 <= 2^31 still fits the uint32). */
static void tanh_q14(const int16_t *x, uint16_t n, int f, int16_t *y)
{
    uint8_t up = (uint8_t)(f >= 13 ? 0 : (13 - f > 16 ? 16 : 13 - f));
    uint8_t down = (uint8_t)(f >= 13 ? f - 13 : 0);
    uint16_t i;
    for (i = 0; i < n; i++) {
        int32_t xi = x[i];
        uint32_t u = ((uint32_t)(xi < 0 ? -xi : xi) << up) >> down;
        int32_t r;
        if (u >= 65536u) {
            r = 16384;
        } else {
            int32_t t0 = fgc_tanh_table_q14[u >> 8];
            int32_t t1 = fgc_tanh_table_q14[(u >> 8) + 1];
            /* 0 <= (t1 - t0) * t < 2^9 * 2^8: the table rises by at most 512 per step */
            r = t0 + (((t1 - t0) * (int32_t)(u & 255u) + 128) >> 8);
        }
        y[i] = (int16_t)(xi < 0 ? -r : r);
    }
}

void fgc_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    tanh_q14(x, n, f, y);
}

void fgc_sigmoid_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint16_t i;
    /* sigmoid(x) = (1 + tanh(x / 2)) / 2, and x / 2 in Q(f) is x in Q(f + 1) */
    tanh_q14(x, n, f + 1, y);
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)((16384 + (int32_t)y[i] + 1) >> 1);
    }
}

void fgc_relu_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint16_t i;
    (void)f;
    for (i = 0; i < n; i++) {
        y[i] = x[i] > 0 ? x[i] : 0;
    }
}

/* y = rshift(x, s) + half, for the formats where the clamp of a quant* function cannot act. */
static void shift_add(const int16_t *x, uint16_t n, uint8_t s, int32_t half, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)(half + rshift32(x[i], s));
    }
}

/* y = 16384, `mid` or 0 as x is > 0, == 0 or < 0 (formats f < 0, where any nonzero x is >= 2 in
 * magnitude and so saturates every quant* function). */
static void by_sign(const int16_t *x, uint16_t n, int32_t neg, int32_t mid, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)(x[i] > 0 ? 16384 : (x[i] < 0 ? neg : mid));
    }
}

/* u = clamp(x + offset, lo, hi) in Q(g), then Q(g) -> Q14: rshift by g - 14 or multiply by
 * 2^(14 - g); every value fits int32 (|offset|, |hi| <= 2^15). */
static void offset_clamp(const int16_t *x, uint16_t n, int32_t offset, int32_t lo, int32_t hi, int g, int16_t *y)
{
    uint16_t i;
    if (g >= 14) {
        uint8_t s = (uint8_t)(g - 14);
        for (i = 0; i < n; i++) {
            y[i] = (int16_t)rshift32(clamp32(x[i] + offset, lo, hi), s);
        }
    } else {
        int32_t scale = (int32_t)1 << (14 - g);
        for (i = 0; i < n; i++) {
            y[i] = (int16_t)(clamp32(x[i] + offset, lo, hi) * scale);
        }
    }
}

/* clamp(x, -1, 1) */
void fgc_quant_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    if (f >= 15) {
        shift_add(x, n, (uint8_t)(f - 14), 0, y); /* |x| <= 2^15 <= 2^f: no clamp */
    } else if (f >= 0) {
        int32_t one = (int32_t)1 << f;
        offset_clamp(x, n, 0, -one, one, f, y);
    } else {
        by_sign(x, n, -16384, 0, y);
    }
}

/* clamp((x + 1) / 2, 0, 1): u = x + 2^f in Q(f + 1) */
void fgc_quant_sigm_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    if (f >= 15) {
        /* 0 <= x + 2^f < 2^(f+1): no clamp; rshift(x + 2^f, f - 13) = rshift(x, f - 13) + 2^13 */
        shift_add(x, n, (uint8_t)(f - 13), 8192, y);
    } else if (f >= 0) {
        int32_t one = (int32_t)1 << f;
        offset_clamp(x, n, one, 0, 2 * one, f + 1, y);
    } else {
        by_sign(x, n, 0, 8192, y);
    }
}

/* clamp((x + 2) / 4, 0, 1): u = x + 2^(f+1) in Q(f + 2) */
void fgc_quant_sigm4_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    if (f >= 14) {
        /* 0 <= x + 2^(f+1) < 2^(f+2): no clamp; rshift(x + 2^(f+1), f - 12) = rshift(x, f - 12) + 2^13 */
        shift_add(x, n, (uint8_t)(f - 12), 8192, y);
    } else if (f >= -1) {
        int32_t two = (int32_t)1 << (f + 1);
        offset_clamp(x, n, two, 0, 2 * two, f + 2, y);
    } else {
        by_sign(x, n, 0, 8192, y);
    }
}
