#include <math.h>
#include "fgc_f32.h"

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

void fgc_sigmoid_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = 1.0f / (1.0f + expf(-v[i]));
    }
}

void fgc_tanh_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = tanhf(v[i]);
    }
}

void fgc_relu_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = v[i] > 0.0f ? v[i] : 0.0f;
    }
}

void fgc_quant_sigm_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf((v[i] + 1.0f) * 0.5f, 0.0f, 1.0f);
    }
}

void fgc_quant_sigm4_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf((v[i] + 2.0f) * 0.25f, 0.0f, 1.0f);
    }
}

void fgc_quant_tanh_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf(v[i], -1.0f, 1.0f);
    }
}
