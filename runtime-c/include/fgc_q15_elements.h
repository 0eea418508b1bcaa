/*
 * fgc runtime, part of fgc_q15_inline.h (include that, not this): §3.4's nonlinearities and the
 * blends of §3.5 and §3.6, on one element.
 */
#ifndef FGC_Q15_ELEMENTS_H
#define FGC_Q15_ELEMENTS_H

#ifndef FGC_Q15_INLINE_H
#error "include fgc_q15_inline.h"
#endif

/* --------------------------------------------------------------------------- §3.4 nonlinearities */

#if !defined(__AVR__)
/* tanh of x (an int16 value) in Q(f) as Q14, §3.4, for f from -16 to 31 (sigmoid passes f + 1): the
 * table's entry 256 + clamp(floor(x * 2^(6 - f)), -256, 255). For f < 6 the product needs at most
 * 15 + 15 bits up to a shift of 15; from 16 on any nonzero x is past the table's ends. With SSAT
 * the clamp and a constant shift are one instruction. */
FGC_INLINE int32_t fgc_tanh_q14_el(int32_t x, int f)
{
    int32_t k;
    if (f >= 6) {
        k = x >> (f - 6); /* f - 6 <= 25 */
    } else if (6 - f < 16) {
        k = x * ((int32_t)1 << (6 - f));
    } else {
        k = x > 0 ? (int32_t)255 : (x < 0 ? (int32_t)-256 : (int32_t)0);
    }
#if defined(__ARM_FEATURE_SAT)
    k = __ssat(k, 9);
#else
    k = k > 255 ? 255 : (k < -256 ? -256 : k);
#endif
    return fgc_tanh_table_q14[256 + k];
}

#endif

FGC_INLINE int32_t fgc_tanh_q15_el(int32_t x, int f)
{
    return fgc_tanh_q14_el(x, f);
}

/* sigmoid(x) = (1 + tanh(x / 2)) / 2, and x / 2 in Q(f) is x in Q(f + 1) */
FGC_INLINE int32_t fgc_sigmoid_q15_el(int32_t x, int f)
{
#if defined(__AVR__) /* tanh is an int16 value in [-16384, 16384]: the sum fits 16 bits unsigned */
    return (uint16_t)(16385 + fgc_tanh_q14_el(x, f + 1)) >> 1;
#else
    return (16384 + fgc_tanh_q14_el(x, f + 1) + 1) >> 1;
#endif
}

FGC_INLINE int32_t fgc_relu_q15_el(int32_t x, int f)
{
    (void)f;
    return x > 0 ? x : 0;
}

/* clamp(x + offset, lo, hi) in Q(g), then Q(g) -> Q14: rshift by g - 14 or multiply by
 * 2^(14 - g); every value fits int32 (|offset|, |hi| <= 2^15). */
FGC_INLINE int32_t fgc_offset_clamp_q14(int32_t x, int32_t offset, int32_t lo, int32_t hi, int g)
{
    int32_t u = x + offset;
    u = u < lo ? lo : (u > hi ? hi : u);
    return g >= 14 ? fgc_rshift32(u, g - 14) : u * ((int32_t)1 << (14 - g));
}

/* 16384, mid or neg as x is > 0, == 0 or < 0: formats f < 0, where any nonzero x is >= 2 in
 * magnitude and so saturates every quant* function. */
FGC_INLINE int32_t fgc_by_sign_q14(int32_t x, int32_t neg, int32_t mid)
{
    return x > 0 ? 16384 : (x < 0 ? neg : mid);
}

/* clamp(x, -1, 1); for f >= 15 the clamp cannot act (|x| <= 2^15 <= 2^f) */
FGC_INLINE int32_t fgc_quant_tanh_q15_el(int32_t x, int f)
{
    if (f >= 15) {
        return fgc_rshift32(x, f - 14);
    }
    if (f >= 0) {
        return fgc_offset_clamp_q14(x, 0, -((int32_t)1 << f), (int32_t)1 << f, f);
    }
    return fgc_by_sign_q14(x, -16384, 0);
}

/* clamp((x + 1) / 2, 0, 1): u = x + 2^f in Q(f + 1). For f >= 15 no clamp acts, and
 * rshift(x + 2^f, f - 13) = rshift(x, f - 13) + 2^13. */
FGC_INLINE int32_t fgc_quant_sigm_q15_el(int32_t x, int f)
{
    if (f >= 15) {
        return 8192 + fgc_rshift32(x, f - 13);
    }
    if (f >= 0) {
        return fgc_offset_clamp_q14(x, (int32_t)1 << f, 0, (int32_t)2 << f, f + 1);
    }
    return fgc_by_sign_q14(x, 0, 8192);
}

/* clamp((x + 2) / 4, 0, 1): u = x + 2^(f+1) in Q(f + 2). For f >= 14 no clamp acts, and
 * rshift(x + 2^(f+1), f - 12) = rshift(x, f - 12) + 2^13. */
FGC_INLINE int32_t fgc_quant_sigm4_q15_el(int32_t x, int f)
{
    if (f >= 14) {
        return 8192 + fgc_rshift32(x, f - 12);
    }
    if (f >= -1) {
        return fgc_offset_clamp_q14(x, (int32_t)1 << (f + 1), 0, (int32_t)2 << (f + 1), f + 2);
    }
    return fgc_by_sign_q14(x, 0, 8192);
}

/* ---------------------------------------------------------------------------- §3.5, §3.6 blends */

#if !defined(__AVR__) /* AVR: fgc_q15_avr.h (16-bit products) */
/* §3.5 FastGRNN: h' = sat16(scale(z * h, fz) + rshift(coef * c, 14 + fc - fh)). For fz >= 0,
 * coef = rshift(zeta * (2^fz - z), fz) + nu is computed as zeta + nu + rshift(-(zeta * z), fz)
 * (adding a multiple of 2^s commutes with rshift(., s)); -(zeta * z) fits int32 for all int16
 * values. For fz < 0, a change of format by a negative shift is a multiplication by 2^(-fz).
 * Requires what §3.5 states (every intermediate fits int32, e.g. a gate bounded by 1). */
FGC_INLINE int32_t fgc_fastgrnn_blend_q15_el(int32_t z, int fz, int32_t c, int fc, int32_t zeta, int32_t nu,
                                             int fh, int32_t h)
{
    int sc = 14 + fc - fh;
    if (fz >= 1 && fz <= 15 && zeta >= 0 && zeta <= 16384 && nu >= 0 && nu <= 16384) {
        /* coef's rshift as (a + 2^(fz-1)) >> fz, with zeta + nu taken in as (zeta + nu) * 2^fz: for
         * any int16 z, (zeta + nu) * 2^fz - zeta * z is within 2^30 + 2^29 (zeta, nu in [0, 2^14],
         * as every sigma constant is), so the sum stays in int32 */
        int32_t coef = ((zeta + nu) * ((int32_t)1 << fz) + ((int32_t)1 << (fz - 1)) - fgc_factor(zeta) * z) >> fz;
        return fgc_sat16(fgc_rshift32(z * h, fz) + fgc_rshift32(coef * c, sc));
    } else if (fz >= 0) {
        int32_t coef = zeta + nu + fgc_rshift32(fgc_factor(-zeta) * z, fz);
        return fgc_sat16(fgc_rshift32(z * h, fz) + fgc_rshift32(coef * c, sc));
    } else {
        int32_t zi = z * ((int32_t)1 << -fz);
        int32_t coef = zeta + nu - zeta * zi;
        return fgc_sat16(zi * h + fgc_rshift32(coef * c, sc));
    }
}

/* The same for a gate bounded by 1 (|z| <= 2^fz: every gate but relu), where both rshifts can be
 * (a + 2^(s-1)) >> s with the constant added by the multiply (MLA; two instructions fewer on
 * Thumb-2): |z * h| <= 2^30, and coef in [0, 3 * 2^14] gives -3 * 2^29 <= coef * c <= 3 * 2^29 -
 * 3 * 2^14, so neither sum leaves int32. */
FGC_INLINE int32_t fgc_fastgrnn_blend_bounded_q15_el(int32_t z, int fz, int32_t c, int fc, int32_t zeta,
                                                     int32_t nu, int fh, int32_t h)
{
    int sc = 14 + fc - fh;
    if (fz >= 1 && fz <= 15 && sc >= 1 && sc <= 30 && zeta >= 0 && zeta <= 16384 && nu >= 0 && nu <= 16384) {
        int32_t coef = ((zeta + nu) * ((int32_t)1 << fz) + ((int32_t)1 << (fz - 1)) - fgc_factor(zeta) * z) >> fz;
        return fgc_sat16(((z * h + ((int32_t)1 << (fz - 1))) >> fz) + ((coef * c + ((int32_t)1 << (sc - 1))) >> sc));
    }
    return fgc_fastgrnn_blend_q15_el(z, fz, c, fc, zeta, nu, fh, h);
}

#else
/* AVR's blend (fgc_q15_avr_elements.h) has no faster form for a bounded gate */
#define fgc_fastgrnn_blend_bounded_q15_el fgc_fastgrnn_blend_q15_el
#endif

/* The same integers in int64, for any values and formats: |zi| <= 2^31, |coef| <= 2^46 + 2^16,
 * |coef * c| < 2^62. */
FGC_INLINE int32_t fgc_fastgrnn_blend_wide_q15_el(int32_t z, int fz, int32_t c, int fc, int32_t zeta,
                                                  int32_t nu, int fh, int32_t h)
{
    int sc = 14 + fc - fh;
    int64_t zt = zeta;
    if (fz >= 0) {
        int64_t coef = zt + nu + fgc_rshift64(-(zt * z), fz);
        return fgc_sat16_64(fgc_rshift64((int64_t)z * h, fz) + fgc_rshift64(coef * c, sc));
    } else {
        int64_t zi = (int64_t)z * ((int64_t)1 << -fz);
        int64_t coef = zt + nu - zt * zi;
        return fgc_sat16_64(zi * h + fgc_rshift64(coef * c, sc));
    }
}

#if !defined(__AVR__)
/* §3.6 FastRNN: h' = sat16(rshift(beta * h, 14) + rshift(alpha * c, 14 + fc - fh)); never
 * overflows int32: |beta * h|, |alpha * c| <= 2^30, so the sum is at most 2^16 + 2^30. */
FGC_INLINE int32_t fgc_fastrnn_blend_q15_el(int32_t c, int fc, int32_t alpha, int32_t beta, int fh, int32_t h)
{
    return fgc_sat16(fgc_rshift32(fgc_factor(beta) * h, 14) + fgc_rshift32(fgc_factor(alpha) * c, 14 + fc - fh));
}

#endif

FGC_INLINE int32_t fgc_fastrnn_blend_wide_q15_el(int32_t c, int fc, int32_t alpha, int32_t beta, int fh,
                                                 int32_t h)
{
    return fgc_sat16_64(fgc_rshift64((int64_t)beta * h, 14) + fgc_rshift64((int64_t)alpha * c, 14 + fc - fh));
}

#endif /* FGC_Q15_ELEMENTS_H */
