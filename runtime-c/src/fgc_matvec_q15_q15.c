/* §3.2 matrix-vector products with int16 weights and int16 inputs (docs/fixed-point.md).
 * Each product fits int32 (|m * v| <= 2^30); the sum is exact in int64 (< 2^47 for 65535 cols). */
#include "fgc_q15.h"

/* rshift(a, s) of §2 without an addition that could overflow; 0 for s >= 64. */
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

static int32_t sat32(int64_t a)
{
    return a < INT32_MIN ? INT32_MIN : (a > INT32_MAX ? INT32_MAX : (int32_t)a);
}

static int64_t dot_q15_q15(const int16_t *m, const int16_t *v, uint16_t cols)
{
    int64_t acc = 0;
    uint16_t quads = cols >> 2;
    uint16_t rest = cols & 3u;
    while (quads-- > 0) {
        acc += (int32_t)m[0] * v[0];
        acc += (int32_t)m[1] * v[1];
        acc += (int32_t)m[2] * v[2];
        acc += (int32_t)m[3] * v[3];
        m += 4;
        v += 4;
    }
    while (rest-- > 0) {
        acc += (int32_t)*m++ * *v++;
    }
    return acc;
}

void fgc_matvec_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < rows; r++) {
        y[r] = sat32(rshift64(dot_q15_q15(m, v, cols), shift));
        m += cols;
    }
}

void fgc_matvec_acc_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < rows; r++) {
        y[r] = sat32((int64_t)y[r] + rshift64(dot_q15_q15(m, v, cols), shift));
        m += cols;
    }
}
