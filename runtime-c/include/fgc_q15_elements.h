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
/* §3.4 step 2 for u < 2^16: T[k] + rshift((T[k+1] - T[k]) * t, 8), k = u >> 8, t = u & 255. Every
 * entry is in [0, 16384], so reading them as uint16_t gives the same values (Thumb-1 has no
 * sign-extending load with an immediate offset), and 0 <= (T[k+1] - T[k]) * t < 2^9 * 2^8: the table
 * rises by at most 512 per step. On Thumb-1 as written out: GCC keeps the table's address on the
 * stack and spends five more instructions (measured). */
FGC_INLINE int32_t fgc_tanh_interpolate(uint32_t u)
{
#if defined(__GNUC__) && defined(__thumb__) && !defined(__thumb2__)
    const uint16_t *tab = (const uint16_t *)fgc_tanh_table_q14;
    uint32_t k, t1;
    int32_t r;
    /* GCC hands Thumb-1 inline asm to the assembler in divided syntax */
    __asm__(".syntax unified\n\t"
            "lsrs %[k], %[u], #8\n\t"
            "lsls %[k], %[k], #1\n\t"
            "ldrh %[r], [%[tab], %[k]]\n\t"
            "adds %[k], %[k], #2\n\t"
            "ldrh %[t1], [%[tab], %[k]]\n\t"
            "uxtb %[u], %[u]\n\t"
            "subs %[t1], %[t1], %[r]\n\t"
            "muls %[t1], %[u]\n\t"
            "adds %[t1], #128\n\t"
            "asrs %[t1], %[t1], #8\n\t"
            "adds %[r], %[r], %[t1]\n\t"
            ".syntax divided"
            : [r] "=&l"(r), [k] "=&l"(k), [t1] "=&l"(t1), [u] "+l"(u)
            : [tab] "l"(tab), "m"(*(const uint16_t(*)[257])tab)
            : "cc");
    return r;
#else
    const uint16_t *tab = (const uint16_t *)fgc_tanh_table_q14 + (u >> 8);
    int32_t t0 = tab[0];
    return t0 + ((((int32_t)tab[1] - t0) * (int32_t)fgc_low_byte(u) + 128) >> 8);
#endif
}

/* tanh of x in Q(f) as Q14, §3.4 steps 1-3, for f from -16 to 31 (sigmoid passes f + 1). |x| in
 * Q13 is u: for f < 13 a left shift by 13 - f (|x| <= 2^15, so u <= 2^30 for shifts up to 15);
 * from 16 on, any nonzero |x| is past 2^16 and u = 2^16 stands for all of them. The interpolation
 * T[k] + rshift((T[k+1] - T[k]) * t, 8) is computed as (T[k] * (256 - t) + T[k+1] * t + 128) >> 8,
 * the same integer (T[k] * 256 is a multiple of 2^8), which SMLAD does in one instruction. */
FGC_INLINE int32_t fgc_tanh_q14_el(int32_t x, int f)
{
    int32_t sign = x >> 31; /* 0 or -1: |x| = (x ^ sign) - sign, and so is the result's sign */
    uint32_t a = (uint32_t)((x ^ sign) - sign);
    uint32_t u = f >= 13 ? a >> (f - 13) : (13 - f < 16 ? a << (13 - f) : (a != 0 ? 65536u : 0u));
    int32_t r;
#if defined(__ARM_FEATURE_DSP)
    /* T[255] = T[256] = 16384, so every u >= 255 * 256 gives 16384 as u >= 2^16 does: clamping
     * u to 2^16 - 1 (one USAT; u <= 2^30 is positive as an int32) replaces the branch. The two
     * entries are one (unaligned) word, T[k] at the bottom; every entry is in [0, 16384]. */
    int32_t pair;
    int32_t t;
    u = (uint32_t)__usat((int32_t)u, 16);
    t = (int32_t)(u & 255u);
    memcpy(&pair, fgc_tanh_table_q14 + (u >> 8), 4);
    r = __smlad(pair, fgc_pack_bottoms(256 - t, t), 128) >> 8;
#else
    r = 16384;
    if ((u >> 16) == 0) {
        r = fgc_tanh_interpolate(u);
    }
#endif
    return (r ^ sign) - sign;
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
