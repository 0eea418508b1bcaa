/* §3.4 nonlinearities in fixed point (docs/fixed-point.md): input in Q(f), f from -16 to 30;
 * output in Q14 (relu: unchanged). y may alias x. The elements are in fgc_q15_inline.h. */
#include "fgc_q15_inline.h"

/* fgc_NAME_q15: y[i] = fgc_NAME_q15_el(x[i], f) for each of the n elements */
#define FGC_NONLIN_Q15(NAME)                                                    \
    void fgc_##NAME##_q15(const int16_t *x, uint16_t n, int8_t f, int16_t *y)   \
    {                                                                           \
        uint32_t i;                                                             \
        for (i = 0; i < n; i++) {                                               \
            y[i] = (int16_t)fgc_##NAME##_q15_el(x[i], f);                       \
        }                                                                       \
    }

FGC_NONLIN_Q15(tanh)
FGC_NONLIN_Q15(sigmoid)
FGC_NONLIN_Q15(relu)
FGC_NONLIN_Q15(quant_tanh)
FGC_NONLIN_Q15(quant_sigm)
FGC_NONLIN_Q15(quant_sigm4)
