/* §3.4 nonlinearities in fixed point (docs/fixed-point.md): input in Q(f), f from -16 to 30;
 * output in Q14 (relu: unchanged). y may alias x. The elements are in fgc_q15_inline.h. */
#include "fgc_q15_inline.h"

void fgc_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_tanh_q15_el(x[i], f);
    }
}

void fgc_sigmoid_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_sigmoid_q15_el(x[i], f);
    }
}

void fgc_relu_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_relu_q15_el(x[i], f);
    }
}

void fgc_quant_tanh_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_quant_tanh_q15_el(x[i], f);
    }
}

void fgc_quant_sigm_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_quant_sigm_q15_el(x[i], f);
    }
}

void fgc_quant_sigm4_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        y[i] = (int16_t)fgc_quant_sigm4_q15_el(x[i], f);
    }
}
