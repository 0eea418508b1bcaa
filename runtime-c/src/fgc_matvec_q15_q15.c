/* §3.2 matrix-vector products with int16 weights and int16 inputs (docs/fixed-point.md), row by
 * row through fgc_q15_inline.h. Each product fits int32 (|m * v| <= 2^30); the sum is exact in
 * int64 (< 2^47 for 65535 cols). */
#include "fgc_q15_inline.h"

void fgc_matvec_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    fgc_matvec_q15_q15_inl(m, v, rows, cols, shift, 0, y);
}

void fgc_matvec_acc_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    fgc_matvec_q15_q15_inl(m, v, rows, cols, shift, 1, y);
}
