/* §3.2 over compressed rows (fgc_sparse.h). One definition per index width and value type,
 * written once as a macro so the four variants cannot drift apart. */
#include "fgc_sparse.h"

/* rshift(a, s) of §2 without an addition that could overflow; 0 for s >= width. */
static int32_t fgc_sp_rshift32(int32_t a, uint8_t s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 32) {
        return 0;
    }
    return (a >> s) + ((a >> (s - 1)) & 1);
}

static int64_t fgc_sp_rshift64(int64_t a, uint8_t s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 64) {
        return 0;
    }
    return (a >> s) + ((a >> (s - 1)) & 1);
}

static int32_t fgc_sp_sat32(int64_t a)
{
    return a < INT32_MIN ? INT32_MIN : (a > INT32_MAX ? INT32_MAX : (int32_t)a);
}

/* int8 weights: the int32 sum is exact (the compiler bounds sum |w| * 2^15 < 2^31 per row);
 * int16 weights: the sum is formed in int64, as the dense kernel does. */
#define FGC_SPMV_Q15(NAME, IT, VT, ACC, RSHIFT)                                                      \
    void NAME(const uint16_t *counts, const IT *idx, const VT *val, const int16_t *v, uint16_t rows, \
              uint8_t shift, int accumulate, int32_t *y)                                            \
    {                                                                                                \
        uint32_t r;                                                                                  \
        for (r = 0; r < rows; r++) {                                                                 \
            ACC acc = 0;                                                                             \
            uint32_t n = counts[r];                                                                  \
            for (; n >= 4; n -= 4) { /* unrolled: the loop's own cost is shared by four MACs */     \
                acc += (ACC)val[0] * v[idx[0]] + (ACC)val[1] * v[idx[1]];                            \
                acc += (ACC)val[2] * v[idx[2]] + (ACC)val[3] * v[idx[3]];                            \
                val += 4;                                                                            \
                idx += 4;                                                                            \
            }                                                                                        \
            while (n-- > 0) {                                                                        \
                acc += (ACC)*val++ * v[*idx++];                                                      \
            }                                                                                        \
            acc = RSHIFT(acc, shift);                                                                \
            y[r] = fgc_sp_sat32(accumulate ? (int64_t)y[r] + acc : (int64_t)acc);                    \
        }                                                                                            \
    }

FGC_SPMV_Q15(fgc_spmv_q7_q15_i8, uint8_t, int8_t, int32_t, fgc_sp_rshift32)
FGC_SPMV_Q15(fgc_spmv_q7_q15_i16, uint16_t, int8_t, int32_t, fgc_sp_rshift32)
FGC_SPMV_Q15(fgc_spmv_q15_q15_i8, uint8_t, int16_t, int64_t, fgc_sp_rshift64)
FGC_SPMV_Q15(fgc_spmv_q15_q15_i16, uint16_t, int16_t, int64_t, fgc_sp_rshift64)
