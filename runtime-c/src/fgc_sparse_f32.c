/* Float matrix-vector products over compressed rows (fgc_sparse.h), summing each row's non-zeros
 * in column order, as the dense kernel sums every column. */
#include "fgc_sparse.h"

#define FGC_SPMV_F32(NAME, IT)                                                                        \
    void NAME(const uint16_t *counts, const IT *idx, const float *val, const float *v, uint16_t rows, \
              int accumulate, float *y)                                                               \
    {                                                                                                 \
        uint32_t r;                                                                                   \
        for (r = 0; r < rows; r++) {                                                                  \
            float acc = 0.0f;                                                                         \
            uint32_t n = counts[r];                                                                   \
            while (n-- > 0) {                                                                         \
                acc += *val++ * v[*idx++];                                                            \
            }                                                                                         \
            y[r] = accumulate ? y[r] + acc : acc;                                                     \
        }                                                                                             \
    }

FGC_SPMV_F32(fgc_spmv_f32_i8, uint8_t)
FGC_SPMV_F32(fgc_spmv_f32_i16, uint16_t)
