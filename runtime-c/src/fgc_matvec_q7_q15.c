/* §3.2 matrix-vector products with int8 weights and int16 inputs (docs/fixed-point.md).
 * No 64-bit arithmetic: the caller guarantees sum_c |m[r][c]| * 32768 < 2^31 for every row, which
 * bounds every partial sum too, so the int32 accumulator never overflows. */
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

/* sat32(a + b) without a wider type. */
static int32_t add_sat32(int32_t a, int32_t b)
{
    if (b > 0 && a > INT32_MAX - b) {
        return INT32_MAX;
    }
    if (b < 0 && a < INT32_MIN - b) {
        return INT32_MIN;
    }
    return a + b;
}

static int32_t dot_q7_q15(const int8_t *m, const int16_t *v, uint16_t cols)
{
    int32_t acc = 0;
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

void fgc_matvec_q7_q15(const int8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < rows; r++) {
        y[r] = rshift32(dot_q7_q15(m, v, cols), shift);
        m += cols;
    }
}

void fgc_matvec_acc_q7_q15(const int8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < rows; r++) {
        y[r] = add_sat32(y[r], rshift32(dot_q7_q15(m, v, cols), shift));
        m += cols;
    }
}
