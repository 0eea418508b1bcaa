/* §3.2 over compressed rows (fgc_sparse.h). One definition per index width and value type,
 * written once as a macro so the four variants cannot drift apart; the rounding shift and the
 * saturation are fgc_q15_inline.h's; the arrays are in flash, read through fgc_memory.h. */
#include "fgc_sparse.h"
#include "fgc_q15_inline.h"

/* int8 weights: the int32 sum is exact (the compiler bounds sum |w| * 2^15 < 2^31 per row);
 * int16 weights: the sum is formed in int64, as the dense kernel does. */
#define FGC_SPMV_Q15(NAME, IT, VT, ACC, RSHIFT, STORE, IREAD, VREAD)                                    \
    void NAME(const uint16_t *counts, const IT *idx, const VT *val, const int16_t *v, uint16_t rows, \
              uint8_t shift, int accumulate, int32_t *y)                                            \
    {                                                                                                \
        uint32_t r;                                                                                  \
        for (r = 0; r < rows; r++) {                                                                 \
            ACC acc = 0;                                                                             \
            uint32_t n = FGC_ROM_U16(counts + r);                                                    \
            for (; n >= 4; n -= 4) { /* unrolled: the loop's own cost is shared by four MACs, */    \
                /* one after the other so that each is one multiply-accumulate (MLA) */              \
                acc += (ACC)VREAD(val) * v[IREAD(idx)];                                              \
                acc += (ACC)VREAD(val + 1) * v[IREAD(idx + 1)];                                      \
                acc += (ACC)VREAD(val + 2) * v[IREAD(idx + 2)];                                      \
                acc += (ACC)VREAD(val + 3) * v[IREAD(idx + 3)];                                      \
                val += 4;                                                                            \
                idx += 4;                                                                            \
            }                                                                                        \
            while (n-- > 0) {                                                                        \
                acc += (ACC)VREAD(val) * v[IREAD(idx)];                                              \
                val++;                                                                               \
                idx++;                                                                               \
            }                                                                                        \
            acc = RSHIFT(acc, shift);                                                                \
            y[r] = STORE(y[r], acc, accumulate);                                                     \
        }                                                                                            \
    }

#if defined(__AVR__)
/* AVR: the int8 products with fgc_q15_avr.h's multiply-accumulate, in assembly. */
#define FGC_SPMV_Q7_AVR(NAME, IT, WIDE)                                                                     \
    void NAME(const uint16_t *counts, const IT *idx, const int8_t *val, const int16_t *v, uint16_t rows,    \
              uint8_t shift, int accumulate, int32_t *y)                                                \
    {                                                                                                   \
        const void *ip = idx;                                                                           \
        uint16_t r;                                                                                     \
        for (r = 0; r < rows; r++) {                                                                    \
            int32_t dot = fgc_rshift32(fgc_spdot_q7_avr(&ip, &val, v, FGC_ROM_U16(counts + r), WIDE), shift); \
            y[r] = accumulate ? fgc_add_sat32_avr(y[r], dot) : dot;                                     \
        }                                                                                               \
    }

FGC_SPMV_Q7_AVR(fgc_spmv_q7_q15_i8, uint8_t, 0)
FGC_SPMV_Q7_AVR(fgc_spmv_q7_q15_i16, uint16_t, 1)

/* int16 values: a 48-bit sum as the dense kernel's there, bounded by the row's non-zeros */
#define FGC_SPMV_Q15_AVR(NAME, IT, WIDE)                                                                    \
    void NAME(const uint16_t *counts, const IT *idx, const int16_t *val, const int16_t *v, uint16_t rows,   \
              uint8_t shift, int accumulate, int32_t *y)                                                \
    {                                                                                                   \
        const void *ip = idx;                                                                           \
        uint16_t r;                                                                                     \
        for (r = 0; r < rows; r++) {                                                                    \
            uint16_t n = FGC_ROM_U16(counts + r);                                                       \
            fgc_store_q15_q15(y + r, fgc_spdot_q15_avr(&ip, &val, v, n, WIDE), n, shift, accumulate);   \
        }                                                                                               \
    }

FGC_SPMV_Q15_AVR(fgc_spmv_q15_q15_i8, uint8_t, 0)
FGC_SPMV_Q15_AVR(fgc_spmv_q15_q15_i16, uint16_t, 1)
#else
/* y (+)= r: an int32 r adds with a saturating int32 addition, an int64 one in int64 (the same
 * integer, sat32 of the exact sum) */
static int32_t fgc_store32(int32_t y, int32_t r, int accumulate)
{
    return accumulate ? fgc_add_sat32(y, r) : r;
}

static int32_t fgc_store64(int32_t y, int64_t r, int accumulate)
{
    return fgc_sat32(accumulate ? (int64_t)y + r : r);
}

FGC_SPMV_Q15(fgc_spmv_q7_q15_i8, uint8_t, int8_t, int32_t, fgc_rshift32, fgc_store32, FGC_ROM_U8, FGC_ROM_I8)
FGC_SPMV_Q15(fgc_spmv_q7_q15_i16, uint16_t, int8_t, int32_t, fgc_rshift32, fgc_store32, FGC_ROM_U16, FGC_ROM_I8)
FGC_SPMV_Q15(fgc_spmv_q15_q15_i8, uint8_t, int16_t, int64_t, fgc_rshift64, fgc_store64, FGC_ROM_U8, FGC_ROM_I16)
FGC_SPMV_Q15(fgc_spmv_q15_q15_i16, uint16_t, int16_t, int64_t, fgc_rshift64, fgc_store64, FGC_ROM_U16, FGC_ROM_I16)
#endif
