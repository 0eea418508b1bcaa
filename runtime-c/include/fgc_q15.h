/*
 * fgc runtime: fixed-point kernels (int16 activations, int8 or int16 weights). Plain C99, no
 * allocation, no floating point, no global state except the constant tanh table; every kernel
 * works on caller-provided buffers so generated models stay reentrant.
 *
 * The arithmetic is specified in docs/fixed-point.md (cited as §n below); the Java mirror
 * dev.fgc.quantize.FixedKernels computes the same integers. A format f (fractional bits) may be
 * any integer from -16 to 30. Matrices are stored [rows][cols] row-major (int8 ones as FGC_W8_ROWS
 * says). Constants (weights, biases, mean, 1/std) are in flash: declared FGC_ROM and read through
 * fgc_memory.h. Element-wise kernels allow y to alias an input of the same type; the blends update h
 * in place.
 *
 * These kernels are written with the inline functions of fgc_q15_inline.h, which generated models
 * call directly (with their formats and dimensions as compile-time constants).
 */
#ifndef FGC_Q15_H
#define FGC_Q15_H

#include <stdint.h>
#include "fgc_memory.h"

/*
 * A stored int8 weight (docs/fixed-point.md §1). Thumb-1 (Cortex-M0) loads a byte with an immediate
 * offset only zero-extended (LDRB; LDRSB takes a register offset), so there the weights are stored
 * biased, w + 128 in a uint8_t, and the kernels take the bias back out of every sum; everywhere else
 * they are plain int8_t. Generated models write each weight as FGC_W8(w). Define FGC_W8_BIASED to
 * choose the biased form on any target (the host tests do, to check it).
 */
#if !defined(FGC_W8_BIASED) && defined(__thumb__) && !defined(__thumb2__)
#define FGC_W8_BIASED 1
#endif
#if defined(FGC_W8_BIASED)
typedef uint8_t fgc_w8_t;
#define FGC_W8(w) ((w) + 128)
#else
typedef int8_t fgc_w8_t;
#define FGC_W8(w) (w)
#endif

/*
 * On cores with SMLAD (signed int8 weights and the DSP instructions) each row's whole chunks of four
 * columns, from its first, are stored w0, w2, w1, w3: SXTB16 then sign-extends (w0, w1) and, rotated
 * by 8, (w2, w3), which pair with the inputs as they lie in memory (one load for two, no packing).
 * Generated models write each such chunk as FGC_W8X4(w0, w1, w2, w3) and a row's last cols % 4
 * weights as FGC_W8(w).
 */
#if defined(__ARM_FEATURE_DSP) && !defined(FGC_W8_BIASED)
#define FGC_W8_SWAPPED 1
#define FGC_W8X4(a, b, c, d) FGC_W8(a), FGC_W8(c), FGC_W8(b), FGC_W8(d)
#else
#define FGC_W8X4(a, b, c, d) FGC_W8(a), FGC_W8(b), FGC_W8(c), FGC_W8(d)
#endif

/*
 * How a dense int8 matrix is stored: rows in groups of FGC_W8_ROWS, the last group holding what is
 * left, each group column by column (a group's rows then read each input once). 1, plain row-major,
 * everywhere but AVR, whose kernels (fgc_q15_avr.h) take three rows at a time. Generated models
 * carry both orders and pick by this value; the kernels of fgc_q15.h take a stored matrix.
 */
#if defined(__AVR__)
#define FGC_W8_ROWS 3
#else
#define FGC_W8_ROWS 1
#endif

/*
 * How a compressed-row int8 matrix of at most 128 columns is stored (fgc_sparse.h): 0, the counts,
 * columns and values as three arrays (Thumb-2 and hosts, whose loads scale a column for free); 1,
 * on AVR and Thumb-1, one stream with each row's count (two bytes) and then its non-zeros' pairs,
 * twice the column and the value's byte, which one pointer walks (fgc_q15_avr_products.h,
 * fgc_q15_products.h). Generated models carry both and pick by this value; define it to choose
 * either on any target (the host tests do, to check both).
 */
#if !defined(FGC_SPARSE_PAIRS)
#if defined(__AVR__) || (defined(__thumb__) && !defined(__thumb2__))
#define FGC_SPARSE_PAIRS 1
#else
#define FGC_SPARSE_PAIRS 0
#endif
#endif

/* §3.1: y[i] = sat16(rshift(sat16(x[i] - mean[i]) * inv_std[i], shift)) */
void fgc_normalize_q15(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint16_t n, uint8_t shift, int16_t *y);

/* §3.2: y[r] = sat32(rshift(sum_c m[r][c] * v[c], shift)); the _acc variants add to y[r] (saturating).
 * The int8-weight kernels accumulate in int32: the caller guarantees sum_c |m[r][c]| * 32768 < 2^31. */
void fgc_matvec_q7_q15(const fgc_w8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y);
void fgc_matvec_acc_q7_q15(const fgc_w8_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y);
void fgc_matvec_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y);
void fgc_matvec_acc_q15_q15(const int16_t *m, const int16_t *v, uint16_t rows, uint16_t cols, uint8_t shift, int32_t *y);

/* §3.3: y[i] = sat16(a[i]) and y[i] = sat16(a[i] + b[i]) */
void fgc_narrow_q15(const int32_t *a, uint16_t n, int16_t *y);
void fgc_bias_q15(const int32_t *a, const int16_t *b, uint16_t n, int16_t *y);

/* §3.4: input in Q(f); output in Q14, except relu (Q(f), unchanged). */
void fgc_sigmoid_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);
void fgc_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);
void fgc_relu_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);
void fgc_quant_sigm_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);
void fgc_quant_sigm4_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);
void fgc_quant_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y);

/* §3.5 FastGRNN: h[i] = z*h + (zeta*(1 - z) + nu)*c, zeta and nu are sigma(.) in Q14.
 * The int32 kernel requires what §3.5 states (e.g. a gate bounded by 1: f_z >= 0, |z| <= 2^f_z,
 * 0 <= zeta, nu <= 2^14); the _wide kernel (int64) takes any values. Both require 14 + fc - fh >= 0. */
void fgc_fastgrnn_blend_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h);
void fgc_fastgrnn_blend_wide_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h);
/* §3.6 FastRNN: h[i] = beta*h + alpha*c, alpha and beta are sigma(.) in Q14. Both kernels take any values. */
void fgc_fastrnn_blend_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h);
void fgc_fastrnn_blend_wide_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h);

/* §3.8: y[i] = sat32(a[i] + b[i]); index of the largest value, the first on a tie (0 when n is 0). */
void fgc_bias_q31(const int32_t *a, const int32_t *b, uint16_t n, int32_t *y);
uint16_t fgc_argmax_q31(const int32_t *v, uint16_t n);

/* §3.4: tanh((k + 1/2) / 64) in Q14 at 256 + k, k = -256..255; and sigmoid's (16385 + that) >> 1. */
extern const int16_t fgc_tanh_table_q14[512] FGC_ROM;
extern const int16_t fgc_sigmoid_table_q14[512] FGC_ROM;

#endif /* FGC_Q15_H */
