/*
 * fgc runtime, part of fgc_q15_inline.h (include that, not this): the §2 primitives (rounding
 * shifts, saturation) and the element operations of §3.1 and §3.3 (normalisation, narrowing, bias).
 */
#ifndef FGC_Q15_SCALAR_H
#define FGC_Q15_SCALAR_H

#ifndef FGC_Q15_INLINE_H
#error "include fgc_q15_inline.h"
#endif

/* ------------------------------------------------------------------------------- §2 primitives */

/* rshift(a, s) without an addition that could overflow; 0 for s >= 32 (a shift by the width is
 * undefined in C). Thumb-2 computes floor(a / 2^s) plus bit s-1 of a in two instructions (UBFX, ADD
 * with a shifted operand); elsewhere floor((floor(a / 2^(s-1)) + 1) / 2), the same integer, takes
 * three simple ones. */
FGC_INLINE int32_t fgc_rshift32(int32_t a, int s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 32) {
        return 0;
    }
#if defined(__thumb2__)
    return (a >> s) + ((a >> (s - 1)) & 1);
#elif defined(__AVR__)
    return fgc_rshift32_avr(a, s);
#else
    return s == 1 ? (a >> 1) + (a & 1) : ((a >> (s - 1)) + 1) >> 1;
#endif
}

/* The same on int64; 0 for s >= 64. */
FGC_INLINE int64_t fgc_rshift64(int64_t a, int s)
{
    if (s == 0) {
        return a;
    }
    if (s >= 64) {
        return 0;
    }
    return (a >> s) + ((a >> (s - 1)) & 1);
}

/* sat16(a): SSAT where the core has it (GCC does not find it in comparisons); elsewhere a value
 * that survives the conversion to int16_t is in range (GCC converts modulo 2^16), and one that does
 * not saturates to 32767 or -32768 by its sign: no 16-bit constants to build for the common case. */
FGC_INLINE int32_t fgc_sat16(int32_t a)
{
#if defined(__ARM_FEATURE_SAT)
    return __ssat(a, 16);
#else
    return (int16_t)a == a ? a : (a >> 31) ^ 32767;
#endif
}

FGC_INLINE int32_t fgc_sat16_64(int64_t a)
{
    return (int32_t)(a < -32768 ? -32768 : (a > 32767 ? 32767 : a));
}

FGC_INLINE int32_t fgc_sat32(int64_t a)
{
    return a < INT32_MIN ? INT32_MIN : (a > INT32_MAX ? INT32_MAX : (int32_t)a);
}

/* sat32(a + b) without a wider type (QADD on cores with the DSP extension). */
FGC_INLINE int32_t fgc_add_sat32(int32_t a, int32_t b)
{
#if defined(__ARM_FEATURE_DSP)
    return __qadd(a, b);
#else
    if (b > 0 && a > INT32_MAX - b) {
        return INT32_MAX;
    }
    if (b < 0 && a < INT32_MIN - b) {
        return INT32_MIN;
    }
    return a + b;
#endif
}

/* A constant factor of a product, kept a multiplication. GCC's Thumb-1 cost model assumes a slow
 * multiplier and turns a multiplication by a constant into a chain of shifts and adds, longer
 * than loading the constant for one MULS; hiding the value from the optimiser keeps the MULS. */
FGC_INLINE int32_t fgc_factor(int32_t k)
{
#if defined(__GNUC__) && defined(__thumb__) && !defined(__thumb2__)
    __asm__("" : "+l"(k));
#endif
    return k;
}

/* ------------------------------------------------------------------ §3.1 normalisation, §3.3 */

/* rshift(p, s) of a product of two int16 values (|p| <= 2^30): for 1 <= s <= 30 as (p + 2^(s-1)) >> s,
 * which cannot leave int32 and takes the constant into the multiply (MLA, SMLABB). Not on Thumb-1,
 * which has no multiply-accumulate (measured on USPS, M0: 512 instructions more). */
FGC_INLINE int32_t fgc_rshift_product(int32_t p, int s)
{
#if defined(__thumb__) && !defined(__thumb2__)
    return fgc_rshift32(p, s);
#else
    return s >= 1 && s <= 30 ? (p + ((int32_t)1 << (s - 1))) >> s : fgc_rshift32(p, s);
#endif
}

/* §3.1: sat16(rshift(sat16(x - mean) * inv_std, s)); |d * inv_std| <= 2^30 fits int32. */
FGC_INLINE int32_t fgc_normalize_q15_el(int32_t x, int32_t mean, int32_t inv_std, int s)
{
    return fgc_sat16(fgc_rshift_product(fgc_sat16(x - mean) * inv_std, s));
}

#if !defined(__AVR__) /* AVR: fgc_q15_avr.h (the constants are in program memory) */
/* §3.1 over the n inputs of a step. With the DSP extension two at a time: QSUB16 is sat16(x - mean)
 * on both halfwords, and GCC multiplies halfwords with SMULBB and SMULTT. */
FGC_INLINE void fgc_normalize_q15_inl(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint32_t n,
                                      int s, int16_t *y)
{
    uint32_t i = 0;
#if defined(__ARM_FEATURE_DSP) && defined(__GNUC__) && defined(__OPTIMIZE__)
    /* unrolled assembly, 10 instructions a pair with immediate offsets, the same on every core: GCC's
     * C (below), unrolled, took 11 to 12 and was scheduled differently for each (measured on USPS:
     * int16 1,120 instructions fewer an inference on the M4, int8 208 more from GCC's code around
     * it, and the M7 and M33 then at or below the M4) */
    if (__builtin_constant_p(n) && __builtin_constant_p(s) && n >= 2 && n <= 64 && s >= 1 && s <= 30) {
        int32_t a, b, c, d;
        __asm__(".syntax unified\n\t"
                ".set fgc_norm_i, 0\n\t"
                ".rept %c[pairs]\n\t"
                "ldr %[a], [%[x], #fgc_norm_i]\n\t"
                "ldr %[b], [%[m], #fgc_norm_i]\n\t"
                "ldr %[c], [%[k], #fgc_norm_i]\n\t"
                "qsub16 %[d], %[a], %[b]\n\t"
                "smlabb %[a], %[d], %[c], %[rnd]\n\t"
                "smlatt %[b], %[d], %[c], %[rnd]\n\t"
                "ssat %[a], #16, %[a], asr %[s]\n\t"
                "ssat %[b], #16, %[b], asr %[s]\n\t"
                "strh %[a], [%[y], #fgc_norm_i]\n\t"
                "strh %[b], [%[y], #(fgc_norm_i + 2)]\n\t"
                ".set fgc_norm_i, fgc_norm_i + 4\n\t"
                ".endr"
                : [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c), [d] "=&r"(d), "=m"(*(int16_t(*)[n])y)
                : [x] "r"(x), [m] "r"(mean), [k] "r"(inv_std), [y] "r"(y), [rnd] "r"((int32_t)1 << (s - 1)),
                  [s] "I"(s), [pairs] "n"(n / 2), "m"(*(const int16_t(*)[n])x), "m"(*(const int16_t(*)[n])mean),
                  "m"(*(const int16_t(*)[n])inv_std));
        i = n - n % 2;
    }
#endif
#if defined(__ARM_FEATURE_DSP)
    for (; i + 2 <= n; i += 2) { /* run-time sizes and shifts, unoptimised builds */
        int32_t x01, m01, k01, d;
        memcpy(&x01, x + i, 4);
        memcpy(&m01, mean + i, 4);
        memcpy(&k01, inv_std + i, 4);
        d = __qsub16(x01, m01);
        y[i] = (int16_t)fgc_sat16(fgc_rshift_product((int32_t)(int16_t)d * (int16_t)k01, s));
        y[i + 1] = (int16_t)fgc_sat16(fgc_rshift_product((d >> 16) * (k01 >> 16), s));
    }
#endif
    /* Thumb-1: the loop's own three instructions are a sixth of an element (measured) */
#if defined(__GNUC__) && defined(__thumb__) && !defined(__thumb2__)
#pragma GCC unroll 16
#endif
    for (; i < n; i++) {
        y[i] = (int16_t)fgc_normalize_q15_el(x[i], mean[i], inv_std[i], s);
    }
}

#endif

/* §3.3: sat16(a) */
FGC_INLINE int32_t fgc_narrow_q15_el(int32_t a)
{
    return fgc_sat16(a);
}

/* §3.3: sat16(a + b) for any int32 a: clamping a to [-2^16, 2^16 - 1] first cannot change the
 * result since |b| <= 2^15, and keeps the sum in int32. */
FGC_INLINE int32_t fgc_bias_q15_el(int32_t a, int32_t b)
{
#if defined(__ARM_FEATURE_SAT)
    return fgc_sat16(__ssat(a, 17) + b);
#elif defined(__AVR__)
    return fgc_bias_q15_avr(a, b);
#else
    /* The sum modulo 2^32 (converting to int32_t is modulo in GCC) is the true one unless a is
     * within 2^15 of an end of int32, and then the wrapped value is far outside int16 too. Any sum
     * outside int16 has the sign of a (|b| <= 2^15), so that sign saturates it. */
    int32_t sum = (int32_t)((uint32_t)a + (uint32_t)b);
    return (int16_t)sum == sum ? sum : (a >> 31) ^ 32767;
#endif
}

/* §3.8: sat32(a + b) */
FGC_INLINE int32_t fgc_bias_q31_el(int32_t a, int32_t b)
{
    return fgc_add_sat32(a, b);
}

#endif /* FGC_Q15_SCALAR_H */
