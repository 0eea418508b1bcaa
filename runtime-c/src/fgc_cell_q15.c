/* §3.5 FastGRNN and §3.6 FastRNN hidden-state updates in fixed point (docs/fixed-point.md); h is
 * updated in place. The elements are in fgc_q15_inline.h: the int32 kernels use no 64-bit
 * arithmetic, the _wide ones compute the same integers in int64 for any inputs. */
#include "fgc_q15_inline.h"

void fgc_fastgrnn_blend_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        h[i] = (int16_t)fgc_fastgrnn_blend_q15_el(z[i], fz, c[i], fc, zeta, nu, fh, h[i]);
    }
}

void fgc_fastgrnn_blend_wide_q15(const int16_t *z, int8_t fz, const int16_t *c, int8_t fc, int16_t zeta, int16_t nu, uint16_t n, int8_t fh, int16_t *h)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        h[i] = (int16_t)fgc_fastgrnn_blend_wide_q15_el(z[i], fz, c[i], fc, zeta, nu, fh, h[i]);
    }
}

void fgc_fastrnn_blend_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        h[i] = (int16_t)fgc_fastrnn_blend_q15_el(c[i], fc, alpha, beta, fh, h[i]);
    }
}

void fgc_fastrnn_blend_wide_q15(const int16_t *c, int8_t fc, int16_t alpha, int16_t beta, uint16_t n, int8_t fh, int16_t *h)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        h[i] = (int16_t)fgc_fastrnn_blend_wide_q15_el(c[i], fc, alpha, beta, fh, h[i]);
    }
}
