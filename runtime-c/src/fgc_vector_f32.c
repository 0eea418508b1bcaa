#include "fgc_f32.h"

void fgc_normalize_f32(const float *x, const float *mean, const float *std, uint16_t n, float *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        y[i] = (x[i] - mean[i]) / std[i];
    }
}

void fgc_add_f32(const float *a, const float *b, uint16_t n, float *y)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        y[i] = a[i] + b[i];
    }
}

uint16_t fgc_argmax_f32(const float *v, uint16_t n)
{
    uint16_t i, best = 0;
    for (i = 1; i < n; i++) {
        if (v[i] > v[best]) {
            best = i;
        }
    }
    return best;
}
