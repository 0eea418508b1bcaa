/*
 * fgc runtime: the fixed-point operations that read constants, for 8-bit AVR (ATmega); included by
 * fgc_q15_inline.h in place of its §3.1 and §3.2 products and §3.4 table lookup, which it keeps for
 * every other target. The same integers as there (docs/fixed-point.md), computed the way an 8-bit
 * core without a barrel shifter likes:
 *  - constants are in program memory (FGC_ROM), read with LPM through fgc_rom.h;
 *  - products are 8x16 or 16x16 bits (the hardware multiplier is 8x8: GCC's widening multiply
 *    helpers, never a 32x32 one), sums 32 bits wide where §3.2 bounds them;
 *  - values that fit 16 bits stay 16 bits, so the table lookup of tanh needs no 32-bit shift.
 */
#ifndef FGC_Q15_AVR_H
#define FGC_Q15_AVR_H

/* ------------------------------------------------------------------------------- §3.1 */

/* §3.1 over the n inputs of a step; d = sat16(x - mean) and 1/std are int16, so their product is
 * a 16x16 multiply. */
FGC_INLINE void fgc_normalize_q15_inl(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint32_t n,
                                      int s, int16_t *y)
{
    uint16_t i;
    for (i = 0; i < (uint16_t)n; i++) {
        int16_t d = (int16_t)fgc_sat16((int32_t)x[i] - FGC_ROM_I16(mean + i));
        y[i] = (int16_t)fgc_sat16(fgc_rshift32((int32_t)d * FGC_ROM_I16(inv_std + i), s));
    }
}

/* ------------------------------------------------------------------------------- §3.2 */

/* sum_c m[c] * v[c], int8 weights in program memory: exact in int32 under §3.2's bound. */
FGC_INLINE int32_t fgc_dot_q7_q15(const int8_t *m, const int16_t *v, uint16_t cols)
{
    int32_t acc = 0;
    uint16_t c;
    for (c = 0; c < cols; c++) {
        acc += (int32_t)(int16_t)FGC_ROM_I8(m + c) * v[c];
    }
    return acc;
}

/* sum_c m[c] * v[c], int16 weights in program memory: each product fits int32, the sum int64. */
FGC_INLINE int64_t fgc_dot_q15_q15(const int16_t *m, const int16_t *v, uint16_t cols)
{
    int64_t acc = 0;
    uint16_t c;
    for (c = 0; c < cols; c++) {
        acc += (int32_t)FGC_ROM_I16(m + c) * v[c];
    }
    return acc;
}

/* Whether rshift(m . v, s) fits int32 for any int16 values (see the portable kernels). */
FGC_INLINE int fgc_fits32_q15(uint32_t cols, int s)
{
    return s <= 30 && cols < (2u << s);
}

/* y (+)= rshift(dot, s), the sum saturated (§3.2). */
FGC_INLINE void fgc_store_q7_q15(int32_t *y, int32_t dot, int s, int acc)
{
    *y = acc ? fgc_add_sat32(*y, fgc_rshift32(dot, s)) : fgc_rshift32(dot, s);
}

FGC_INLINE void fgc_store_q15_q15(int32_t *y, int64_t dot, uint32_t cols, int s, int acc)
{
    int64_t r = fgc_rshift64(dot, s);
    if (fgc_fits32_q15(cols, s)) {
        *y = acc ? fgc_add_sat32(*y, (int32_t)r) : (int32_t)r;
    } else {
        *y = fgc_sat32(acc ? (int64_t)*y + r : r);
    }
}

FGC_INLINE void fgc_matvec_q7_q15_inl(const int8_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                      int acc, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < (uint16_t)rows; r++) {
        fgc_store_q7_q15(y + r, fgc_dot_q7_q15(m + r * (uint16_t)cols, v, (uint16_t)cols), s, acc);
    }
}

/* y = sat32(rshift(m1 . v1, s1) + rshift(m2 . v2, s2)) */
FGC_INLINE void fgc_matvec2_q7_q15_inl(const int8_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                       const int8_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                       uint32_t rows, int32_t *y)
{
    fgc_matvec_q7_q15_inl(m1, v1, rows, cols1, s1, 0, y);
    fgc_matvec_q7_q15_inl(m2, v2, rows, cols2, s2, 1, y);
}

FGC_INLINE void fgc_matvec_q15_q15_inl(const int16_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                       int acc, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < (uint16_t)rows; r++) {
        fgc_store_q15_q15(y + r, fgc_dot_q15_q15(m + r * (uint16_t)cols, v, (uint16_t)cols), cols, s, acc);
    }
}

FGC_INLINE void fgc_matvec2_q15_q15_inl(const int16_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                        const int16_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                        uint32_t rows, int32_t *y)
{
    fgc_matvec_q15_q15_inl(m1, v1, rows, cols1, s1, 0, y);
    fgc_matvec_q15_q15_inl(m2, v2, rows, cols2, s2, 1, y);
}

/* ------------------------------------------------------------------------------- §3.4 */

/* tanh of x in Q(f) as Q14, §3.4 steps 1-3, for f from -16 to 31, in 16 bits: |x| <= 2^15, and u
 * (|x| in Q13) clamps to 2^16 - 1 where it would reach 2^16 (|x| >= 8): T[255] = T[256] = 16384, so
 * the table then gives 16384 as §3.4's branch does. */
FGC_INLINE int32_t fgc_tanh_q14_el(int32_t x, int f)
{
    uint16_t a = (uint16_t)(x < 0 ? -x : x);
    uint16_t u;
    const int16_t *tab;
    int16_t t0;
    uint16_t d;
    int16_t r;
    if (f >= 13) {
        u = f - 13 >= 16 ? 0u : (uint16_t)(a >> (f - 13));
    } else if (13 - f >= 16 || a >= (uint16_t)(65536ul >> (13 - f))) {
        u = a != 0 ? 0xFFFFu : 0u;
    } else {
        u = (uint16_t)(a << (13 - f));
    }
    tab = fgc_tanh_table_q14 + (u >> 8);
    t0 = FGC_ROM_I16(tab);
    d = (uint16_t)(FGC_ROM_I16(tab + 1) - t0); /* 0 to 512: the table rises */
    r = (int16_t)(t0 + (int16_t)(((uint32_t)d * (uint8_t)u + 128u) >> 8));
    return x < 0 ? -(int32_t)r : r;
}

#endif /* FGC_Q15_AVR_H */
