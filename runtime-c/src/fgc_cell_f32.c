#include "fgc_f32.h"

void fgc_fastgrnn_blend_f32(const float *z, const float *c, float zeta, float nu, uint16_t n, float *h)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        h[i] = z[i] * h[i] + (zeta * (1.0f - z[i]) + nu) * c[i];
    }
}

void fgc_fastrnn_blend_f32(const float *c, float alpha, float beta, uint16_t n, float *h)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        h[i] = beta * h[i] + alpha * c[i];
    }
}
