/* §3.2 over compressed rows (fgc_sparse.h): the inline kernels of fgc_q15_products.h (AVR: its
 * own, below) with a run-time shift; the arrays are in flash, read through fgc_memory.h. */
#include "fgc_sparse.h"
#include "fgc_q15_inline.h"

#if defined(__AVR__)
/* AVR: the int8 products of fgc_q15_avr_products.h, in assembly, with a run-time shift */
#define FGC_SPMV_Q7_AVR(NAME, IT, WIDE)                                                                     \
    void NAME(const uint16_t *counts, const IT *idx, const int8_t *val, const int16_t *v, uint16_t rows,    \
              uint8_t shift, int accumulate, int32_t *y)                                                \
    {                                                                                                   \
        fgc_spmv_q7_avr(counts, idx, val, v, rows, shift, accumulate ? 1 : 0, WIDE, y);                 \
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
/* the inline kernels of fgc_q15_products.h, with a run-time shift and accumulate flag */
void fgc_spmv_q7_q15_i8(const uint16_t *counts, const uint8_t *idx, const int8_t *val, const int16_t *v,
                        uint16_t rows, uint8_t shift, int accumulate, int32_t *y)
{
    fgc_spmv_q7_q15_i8_inl(counts, idx, val, v, rows, shift, accumulate ? 1 : 0, y);
}

void fgc_spmv_q7_q15_i16(const uint16_t *counts, const uint16_t *idx, const int8_t *val, const int16_t *v,
                         uint16_t rows, uint8_t shift, int accumulate, int32_t *y)
{
    fgc_spmv_q7_q15_i16_inl(counts, idx, val, v, rows, shift, accumulate ? 1 : 0, y);
}

void fgc_spmv_q15_q15_i8(const uint16_t *counts, const uint8_t *idx, const int16_t *val, const int16_t *v,
                         uint16_t rows, uint8_t shift, int accumulate, int32_t *y)
{
    fgc_spmv_q15_q15_i8_inl(counts, idx, val, v, rows, shift, accumulate, y);
}

void fgc_spmv_q15_q15_i16(const uint16_t *counts, const uint16_t *idx, const int16_t *val, const int16_t *v,
                          uint16_t rows, uint8_t shift, int accumulate, int32_t *y)
{
    fgc_spmv_q15_q15_i16_inl(counts, idx, val, v, rows, shift, accumulate, y);
}
#endif
