/*
 * fgc runtime: matrix-vector products over sparse matrices (compressed rows).
 * A matrix [rows][cols] is stored as three arrays: counts[rows] (uint16_t, the non-zeros of each
 * row), idx[nnz] (column of each non-zero, uint8_t when cols <= 256, else uint16_t) and val[nnz],
 * row after row. The products stream through flash once and compute exactly the dense products of
 * fgc_q15.h / fgc_f32.h (docs/fixed-point.md §3.2): the zeros they skip add nothing.
 * With accumulate != 0 the result is added to y (saturating, as the dense _acc kernels).
 */
#ifndef FGC_SPARSE_H
#define FGC_SPARSE_H

#include <stdint.h>

void fgc_spmv_q7_q15_i8(const uint16_t *counts, const uint8_t *idx, const int8_t *val, const int16_t *v,
                        uint16_t rows, uint8_t shift, int accumulate, int32_t *y);
void fgc_spmv_q7_q15_i16(const uint16_t *counts, const uint16_t *idx, const int8_t *val, const int16_t *v,
                         uint16_t rows, uint8_t shift, int accumulate, int32_t *y);
void fgc_spmv_q15_q15_i8(const uint16_t *counts, const uint8_t *idx, const int16_t *val, const int16_t *v,
                         uint16_t rows, uint8_t shift, int accumulate, int32_t *y);
void fgc_spmv_q15_q15_i16(const uint16_t *counts, const uint16_t *idx, const int16_t *val, const int16_t *v,
                          uint16_t rows, uint8_t shift, int accumulate, int32_t *y);
void fgc_spmv_f32_i8(const uint16_t *counts, const uint8_t *idx, const float *val, const float *v,
                     uint16_t rows, int accumulate, float *y);
void fgc_spmv_f32_i16(const uint16_t *counts, const uint16_t *idx, const float *val, const float *v,
                      uint16_t rows, int accumulate, float *y);

/* AVR: the fixed-point products as generated models call them (fgc_q15_products.h has inline
 * versions elsewhere, with a constant shift and accumulate mode: 0 store, 1 add saturating, 2 add
 * where no saturation can act) */
#if defined(__AVR__) && defined(__OPTIMIZE__)
/* int8 values: fgc_q15_avr_products.h's loop, specialised on the constant shift and mode */
#define fgc_spmv_q7_q15_i8_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q7_avr(c, i, v, x, rows, s, acc, 0, y)
#define fgc_spmv_q7_q15_i16_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q7_avr(c, i, v, x, rows, s, acc, 1, y)
#elif defined(__AVR__)
#define fgc_spmv_q7_q15_i8_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q7_q15_i8(c, i, v, x, rows, s, (acc) != 0, y)
#define fgc_spmv_q7_q15_i16_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q7_q15_i16(c, i, v, x, rows, s, (acc) != 0, y)
#endif
#if defined(__AVR__)
#define fgc_spmv_q15_q15_i8_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q15_q15_i8(c, i, v, x, rows, s, (acc) != 0, y)
#define fgc_spmv_q15_q15_i16_inl(c, i, v, x, rows, s, acc, y) fgc_spmv_q15_q15_i16(c, i, v, x, rows, s, (acc) != 0, y)
#endif

#endif /* FGC_SPARSE_H */
