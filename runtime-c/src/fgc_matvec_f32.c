#include "fgc_f32.h"

void fgc_matvec_acc_f32(const float *m, const float *x, uint16_t rows, uint16_t cols, float *y)
{
    uint16_t r, c;
    for (r = 0; r < rows; r++) {
        float acc = 0.0f;
        for (c = 0; c < cols; c++) {
            acc += m[c] * x[c];
        }
        y[r] += acc;
        m += cols;
    }
}

void fgc_matvec_f32(const float *m, const float *x, uint16_t rows, uint16_t cols, float *y)
{
    uint16_t r;
    for (r = 0; r < rows; r++) {
        y[r] = 0.0f;
    }
    fgc_matvec_acc_f32(m, x, rows, cols, y);
}
