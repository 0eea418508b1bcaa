/* §3.2 matrix-vector products with int8 weights and int16 inputs (docs/fixed-point.md), computed
 * by fgc_q15_inline.h. No 64-bit arithmetic: the caller guarantees sum_c |m[r][c]| * 32768 < 2^31
 * for every row, so the int32 accumulator never overflows. */
#include "fgc_q15_inline.h"

void fgc_matvec_q7_q15(const fgc_w8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    fgc_matvec_q7_q15_inl(m, v, rows, cols, shift, 0, y);
}

void fgc_matvec_acc_q7_q15(const fgc_w8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y)
{
    fgc_matvec_q7_q15_inl(m, v, rows, cols, shift, 1, y);
}
