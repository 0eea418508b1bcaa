/*
 * fgc runtime: float32 kernels. Plain C99, no allocation, no global state; every kernel works
 * on caller-provided buffers so generated models stay reentrant.
 * Matrices are stored [out][in] row-major, so each output is one dot product.
 */
#ifndef FGC_F32_H
#define FGC_F32_H

#include <stdint.h>

/* y[r] = sum_c m[r][c] * x[c] */
void fgc_matvec_f32(const float *m, const float *x, uint16_t rows, uint16_t cols, float *y);
/* y[r] += sum_c m[r][c] * x[c] */
void fgc_matvec_acc_f32(const float *m, const float *x, uint16_t rows, uint16_t cols, float *y);

/* y[i] = (x[i] - mean[i]) / std[i] */
void fgc_normalize_f32(const float *x, const float *mean, const float *std, uint16_t n, float *y);
/* y[i] = a[i] + b[i] */
void fgc_add_f32(const float *a, const float *b, uint16_t n, float *y);

/* In-place nonlinearities, one per EdgeML name. */
void fgc_sigmoid_f32(float *v, uint16_t n);
void fgc_tanh_f32(float *v, uint16_t n);
void fgc_relu_f32(float *v, uint16_t n);
void fgc_quant_sigm_f32(float *v, uint16_t n);
void fgc_quant_sigm4_f32(float *v, uint16_t n);
void fgc_quant_tanh_f32(float *v, uint16_t n);

/* FastGRNN: h[i] = z[i]*h[i] + (zeta*(1 - z[i]) + nu)*c[i], zeta and nu already through sigmoid. */
void fgc_fastgrnn_blend_f32(const float *z, const float *c, float zeta, float nu, uint16_t n, float *h);
/* FastRNN: h[i] = beta*h[i] + alpha*c[i], alpha and beta already through sigmoid. */
void fgc_fastrnn_blend_f32(const float *c, float alpha, float beta, uint16_t n, float *h);

/* Index of the largest value; the first on a tie. */
uint16_t fgc_argmax_f32(const float *v, uint16_t n);

#endif /* FGC_F32_H */
