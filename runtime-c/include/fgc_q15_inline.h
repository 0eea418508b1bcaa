/*
 * fgc runtime: the fixed-point operations of docs/fixed-point.md as header-only static inline
 * functions: on one element, on one row of a matrix-vector product, and on whole products. They
 * compute exactly the integers of the vector kernels of fgc_q15.h, which are written with them.
 *
 * Why a header: a generated model calls these with compile-time constants (formats, shifts,
 * dimensions), so GCC folds the format conversions, unrolls the short dot products and picks the
 * loop shape per product, and a model's loop that takes each element through a run of
 * element-wise operations keeps the intermediate values in registers instead of buffers.
 * Where a core has a faster instruction for a step (SSAT, QADD, SMLAD, ...) it is used under the
 * matching __ARM_FEATURE_* macro; every other target, the host included, takes the portable C,
 * except 8-bit AVR, which takes fgc_q15_avr.h's versions where they differ.
 *
 * Formats (f*) and shifts (s) are plain ints: any f of §1 (-16 to 30), any shift from 0 to 255.
 * Element values travel as int32_t holding the value of their C type (int16 for q15).
 */
#ifndef FGC_Q15_INLINE_H
#define FGC_Q15_INLINE_H

#include <stdint.h>
#include <string.h>
#include "fgc_q15.h"

#if defined(__ARM_FEATURE_SAT) || defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#endif

/* Thumb-1 inline asm where the operands are compile-time constants (optimised builds) */
#if defined(__GNUC__) && defined(__OPTIMIZE__) && defined(__thumb__) && !defined(__thumb2__)
#define FGC_THUMB1_ASM 1
#endif

/* For a function that calls a kernel with a long asm loop: out of line where that loop is used,
 * because GCC's register allocation of a whole step degrades around it (measured on USPS, M0:
 * int16 products 10 % slower in the same function; AVR: the hidden-unit loop 5 % slower next to
 * the grouped products) */
#if defined(FGC_THUMB1_ASM) || (defined(__AVR__) && defined(__OPTIMIZE__))
#define FGC_ASM_OUT_OF_LINE __attribute__((noinline))
#else
#define FGC_ASM_OUT_OF_LINE
#endif

/* SMLAD on int8 weights needs them signed (fgc_w8_t, fgc_q15.h) */
#if defined(__ARM_FEATURE_DSP) && !defined(FGC_W8_BIASED)
#define FGC_SMLAD_Q7 1
#endif

/* The point of these functions is to be specialised on the caller's constants. */
#if defined(__GNUC__)
#define FGC_INLINE static inline __attribute__((always_inline))
#else
#define FGC_INLINE static inline
#endif

#if defined(__AVR__)
#include "fgc_q15_avr.h" /* an 8-bit core's versions of some of the functions below */
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

/* u & 255. On Thumb-1 as UXTB: GCC would keep 255 in a register for an AND, and the loops that
 * need it have no register to spare. */
FGC_INLINE uint32_t fgc_low_byte(uint32_t u)
{
#if defined(__GNUC__) && defined(__thumb__) && !defined(__thumb2__)
    __asm__("uxtb %0, %0" : "+l"(u));
    return u;
#else
    return u & 255u;
#endif
}

/* ------------------------------------------------------------------ §3.1 normalisation, §3.3 */

/* §3.1: sat16(rshift(sat16(x - mean) * inv_std, s)); |d * inv_std| <= 2^30 fits int32. */
FGC_INLINE int32_t fgc_normalize_q15_el(int32_t x, int32_t mean, int32_t inv_std, int s)
{
    return fgc_sat16(fgc_rshift32(fgc_sat16(x - mean) * inv_std, s));
}

#if !defined(__AVR__) /* AVR: fgc_q15_avr.h (the constants are in program memory) */
/* §3.1 over the n inputs of a step. With the DSP extension two at a time: QSUB16 is sat16(x - mean)
 * on both halfwords, and GCC multiplies halfwords with SMULBB and SMULTT. */
FGC_INLINE void fgc_normalize_q15_inl(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint32_t n,
                                      int s, int16_t *y)
{
    uint32_t i = 0;
#if defined(__ARM_FEATURE_DSP)
    for (; i + 2 <= n; i += 2) {
        int32_t x01, m01, k01, d;
        memcpy(&x01, x + i, 4);
        memcpy(&m01, mean + i, 4);
        memcpy(&k01, inv_std + i, 4);
        d = __qsub16(x01, m01);
        y[i] = (int16_t)fgc_sat16(fgc_rshift32((int32_t)(int16_t)d * (int16_t)k01, s));
        y[i + 1] = (int16_t)fgc_sat16(fgc_rshift32((d >> 16) * (k01 >> 16), s));
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

#if !defined(__AVR__) /* AVR: fgc_q15_avr.h (8x16-bit products, constants in program memory) */
/* ----------------------------------------------------------------------- §3.2 one row's product */

#if defined(__ARM_FEATURE_DSP)
/* Thumb-2 DSP forms GCC does not find by itself (it rotates or masks in separate instructions). */

/* bytes 1 and 3 of w, sign-extended into the two halfwords */
FGC_INLINE int32_t fgc_sxtb16_ror8(int32_t w)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(w));
    return r;
}

/* the bottom halfwords of a and b, a's at the bottom */
FGC_INLINE int32_t fgc_pack_bottoms(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/* the top halfwords of a and b, a's at the bottom */
FGC_INLINE int32_t fgc_pack_tops(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("pkhtb %0, %2, %1, asr #16" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/* The inputs v[0..3] paired for SMLAD as the weights will be: (v0, v2) and (v1, v3). */
FGC_INLINE void fgc_pair4_q15(const int16_t *v, int32_t *v02, int32_t *v13)
{
    int32_t v01, v23;
    memcpy(&v01, v, 4);
    memcpy(&v23, v + 2, 4);
    *v02 = fgc_pack_bottoms(v01, v23);
    *v13 = fgc_pack_tops(v01, v23);
}

#endif

/*
 * Rows of int8 weights (fgc_w8_t, fgc_q15.h). Where they are stored biased (FGC_W8_BIASED: b = w +
 * 128 in a uint8_t, so that Thumb-1 loads them with LDRB and an immediate offset; it has LDRSB only
 * with a register offset), sum_c w[c] * v[c] = sum_c b[c] * v[c] - 128 * sum_c v[c]: a row's
 * accumulator starts at -128 * sum_c v[c], computed once per product. Sums run modulo 2^32
 * (uint32_t): partial sums of b * v may leave int32, the final value is exact because the true sum
 * fits int32 (§3.2's bound).
 *
 * The biased start also holds rshift's rounding constant 2^(s-1) for 1 <= s <= 15, so the end of a
 * row is one arithmetic shift: §3.2's bound sum_c |w[c]| * 2^15 < 2^31 makes |sum| <= 2^31 - 2^15
 * (a multiple of 2^15), so sum + 2^(s-1) still fits int32 and rshift(sum, s) = (sum + 2^(s-1)) >> s.
 */
#if defined(FGC_W8_BIASED)
#define FGC_ROUND_IN_START(s) ((s) >= 1 && (s) <= 15)
#else
#define FGC_ROUND_IN_START(s) 0
#endif

FGC_INLINE uint32_t fgc_row_start_q7(const int16_t *v, uint32_t cols, int s)
{
    uint32_t start = FGC_ROUND_IN_START(s) ? (uint32_t)1 << (s - 1) : 0u;
#if defined(FGC_W8_BIASED)
    uint32_t sum = 0;
    uint32_t c;
    /* unrolled as far as the rows' loops are, so GCC loads each input once for both */
#if defined(__GNUC__)
#pragma GCC unroll 32
#endif
    for (c = 0; c < cols; c++) {
        sum += (uint32_t)(int32_t)v[c];
    }
    start -= sum << 7;
#else
    (void)v;
    (void)cols;
#endif
    return start;
}

/* rshift(sum, s) of a row whose accumulator began at fgc_row_start_q7 (the conversion to int32_t
 * is modulo 2^32 in GCC, and the value fits) */
FGC_INLINE int32_t fgc_row_end_q7(uint32_t acc, int s)
{
    if (FGC_ROUND_IN_START(s)) {
        return (int32_t)acc >> s;
    }
    return fgc_rshift32((int32_t)acc, s);
}

#if defined(FGC_SMLAD_Q7)
/* acc + m[0..3] . v[0..3] with two SMLADs: SXTB16 sign-extends weight bytes 0 and 2 (and bytes 1
 * and 3) into halfword pairs, against the inputs paired by fgc_pair4_q15. The weights are one
 * memcpy load because rows need not be word-aligned (these cores allow unaligned LDR). */
FGC_INLINE uint32_t fgc_dot4_q7_q15(const fgc_w8_t *m, int32_t v02, int32_t v13, uint32_t acc)
{
    int32_t w;
    memcpy(&w, m, 4);
    acc = (uint32_t)__smlad(__sxtb16(w), v02, (int32_t)acc);
    return (uint32_t)__smlad(fgc_sxtb16_ror8(w), v13, (int32_t)acc);
}
#endif

/* acc + sum_c m[c] * v[c] (modulo 2^32) */
FGC_INLINE uint32_t fgc_dot_q7_q15(const fgc_w8_t *m, const int16_t *v, uint32_t cols, uint32_t acc)
{
    uint32_t c = 0;
#if defined(FGC_SMLAD_Q7)
    /* Unrolled (a loop would cost half as much again as a chunk). A short row in a loop over the
     * rows of a product has the same input pairs in every row, so GCC pairs them once. */
#if defined(__GNUC__)
#pragma GCC unroll 4
#endif
    for (; c + 4 <= cols; c += 4) {
        int32_t v02, v13;
        fgc_pair4_q15(v + c, &v02, &v13);
        acc = fgc_dot4_q7_q15(m + c, v02, v13, acc);
    }
#else
    /* four products (each below 2^23 in magnitude) fit int */
    for (; c + 4 <= cols; c += 4) {
        acc += (uint32_t)(m[c] * v[c] + m[c + 1] * v[c + 1] + m[c + 2] * v[c + 2] + m[c + 3] * v[c + 3]);
    }
#endif
    for (; c < cols; c++) {
        acc += (uint32_t)(m[c] * v[c]);
    }
    return acc;
}

/* sum_c m[c] * v[c] with int16 weights in int64 (each product fits int32, |m * v| <= 2^30). */
FGC_INLINE int64_t fgc_dot_q15_q15(const int16_t *m, const int16_t *v, uint32_t cols)
{
    int64_t acc = 0;
    uint32_t c = 0;
#if defined(__ARM_FEATURE_DSP)
    /* SMLALD adds both products of a halfword pair to a 64-bit accumulator; unrolled, as the loop
     * would cost twice as much as the pair */
#if defined(__GNUC__)
#pragma GCC unroll 16
#endif
    for (; c + 2 <= cols; c += 2) {
        uint32_t m01, v01;
        memcpy(&m01, m + c, 4);
        memcpy(&v01, v + c, 4);
        acc = __smlald((int32_t)m01, (int32_t)v01, acc);
    }
#endif
    /* unrolled by four, as the int8 loop is by hand: the loop's own instructions cost as much as a
     * multiply-add */
#if defined(__GNUC__)
#pragma GCC unroll 4
#endif
    for (; c < cols; c++) {
        acc += (int32_t)m[c] * v[c];
    }
    return acc;
}

/* Whether rshift(m . v, s) fits int32 for any int16 values: -cols * 2^30 < m . v <= cols * 2^30,
 * and for cols < 2^(s+1) the rounded value is within cols * 2^(30-s) < 2^31. With constant cols and
 * s the saturation and most of the 64-bit arithmetic then go. */
FGC_INLINE int fgc_fits32_q15(uint32_t cols, int s)
{
    return s <= 30 && cols < (2u << s);
}

/* §3.2, one row: rshift(m . v, s) (int8 weights; fits int32) */
FGC_INLINE int32_t fgc_matvec_q7_q15_row(const fgc_w8_t *m, const int16_t *v, uint32_t cols, int s)
{
    return fgc_row_end_q7(fgc_dot_q7_q15(m, v, cols, fgc_row_start_q7(v, cols, s)), s);
}

/* sat32(y + rshift(m . v, s)) */
FGC_INLINE int32_t fgc_matvec_acc_q7_q15_row(int32_t y, const fgc_w8_t *m, const int16_t *v, uint32_t cols, int s)
{
    return fgc_add_sat32(y, fgc_matvec_q7_q15_row(m, v, cols, s));
}

/* sat32(rshift(m . v, s)) (int16 weights) */
FGC_INLINE int32_t fgc_matvec_q15_q15_row(const int16_t *m, const int16_t *v, uint32_t cols, int s)
{
    int64_t r = fgc_rshift64(fgc_dot_q15_q15(m, v, cols), s);
    return fgc_fits32_q15(cols, s) ? (int32_t)r : fgc_sat32(r);
}

/* sat32(y + rshift(m . v, s)), the exact sum before one saturation */
FGC_INLINE int32_t fgc_matvec_acc_q15_q15_row(int32_t y, const int16_t *m, const int16_t *v, uint32_t cols, int s)
{
    int64_t r = fgc_rshift64(fgc_dot_q15_q15(m, v, cols), s);
    return fgc_fits32_q15(cols, s) ? fgc_add_sat32(y, (int32_t)r) : fgc_sat32((int64_t)y + r);
}

/* ---------------------------------------------------------------------- §3.2 whole products */

/*
 * y[r] = rshift(m[r] . v, s), or with acc y[r] = sat32(y[r] + rshift(m[r] . v, s)), for every row.
 * Short rows go one by one: their inputs (paired, with SMLAD) stay in registers for all rows.
 * Long rows would load (and pair) every input again for every row, so up to five rows walk the
 * input together: one load of each input value, or of each pair, for all of them.
 */

/* a short row keeps its inputs in registers (two chunks of paired inputs with SMLAD) */
FGC_INLINE int fgc_long_row(uint32_t cols)
{
#if defined(FGC_W8_BIASED)
    (void)cols;
    return 1;
#elif defined(FGC_SMLAD_Q7)
    return cols >= 12;
#else
    return cols >= 8;
#endif
}

/* How many long rows walk the input together: up to the five sums fgc_rows_q7_q15 holds. With
 * SMLAD, five rows' weights are more than the registers hold next to the paired inputs, so GCC
 * spills; three do not, and a product of up to five rows still goes in one block (measured).
 * Biased weights are for Thumb-1, which reaches a weight only by an immediate offset of 0 to 31
 * bytes from a register and has eight low registers: four short rows (one pointer reaches all of
 * their weights of a column) or two rows of up to 32 columns go together, one row otherwise. A
 * column's input then costs one load for all of them, every weight an LDRB, a MULS and an ADDS
 * (measured on USPS: five short rows or three long ones spill). */
FGC_INLINE uint32_t fgc_rows_together(uint32_t rows, uint32_t cols)
{
#if defined(FGC_W8_BIASED)
    (void)rows;
    return cols <= 6 ? 4 : (cols <= 32 ? 2 : 1);
#elif defined(FGC_SMLAD_Q7)
    (void)cols;
    return rows > 5 ? 3 : 5;
#else
    (void)rows;
    (void)cols;
    return 5;
#endif
}

/* Row k of a product: into y[k] (acc: 0 store, 1 add saturating, 2 add where no saturation can
 * act, fgc_sum_fits32), or, where y16 is not null, narrowed into y16[k] (§3.3) for a product whose
 * int32 result only gets narrowed. */
FGC_INLINE void fgc_store_q7_q15(int32_t *y, int16_t *y16, uint32_t k, uint32_t dot, int s, int acc)
{
    int32_t r = fgc_row_end_q7(dot, s);
    if (y16 != 0) {
        y16[k] = (int16_t)fgc_narrow_q15_el(r);
        return;
    }
    y[k] = acc == 0 ? r : (acc == 2 ? y[k] + r : fgc_add_sat32(y[k], r));
}

/* Whether rshift(a, s1) + rshift(b, s2) fits int32 for any two int8-weight sums: §3.2's bound makes
 * |a|, |b| <= 2^31 - 2^15, so for shifts of at least 1 each term is at most 2^30 - 2^14 + 1. */
FGC_INLINE int fgc_sum_fits32(int s1, int s2)
{
    return s1 >= 1 && s2 >= 1;
}

/* n rows (1 to 5) at once from row r0, column by column (chunk by chunk with SMLAD); every sum
 * begins at start (fgc_row_start_q7) */
FGC_INLINE void fgc_rows_q7_q15(const fgc_w8_t *m, const int16_t *v, uint32_t n, uint32_t cols, int s, int acc,
                                uint32_t start, int32_t *y, int16_t *y16, uint32_t r0)
{
    uint32_t d0 = start, d1 = start, d2 = start, d3 = start, d4 = start;
    uint32_t c;
#if defined(FGC_SMLAD_Q7)
    uint32_t chunks = cols - cols % 4; /* the columns SMLAD takes, four at a time */
    for (c = 0; c < chunks; c += 4) {
        int32_t v02, v13;
        fgc_pair4_q15(v + c, &v02, &v13);
        d0 = fgc_dot4_q7_q15(m + c, v02, v13, d0);
        d1 = n > 1 ? fgc_dot4_q7_q15(m + cols + c, v02, v13, d1) : 0;
        d2 = n > 2 ? fgc_dot4_q7_q15(m + 2 * cols + c, v02, v13, d2) : 0;
        d3 = n > 3 ? fgc_dot4_q7_q15(m + 3 * cols + c, v02, v13, d3) : 0;
        d4 = n > 4 ? fgc_dot4_q7_q15(m + 4 * cols + c, v02, v13, d4) : 0;
    }
#else
    uint32_t chunks = 0;
#endif
#if defined(FGC_THUMB1_ASM)
    /* four short rows (one pointer reaches their weights, n * cols <= 32): a column is one LDRB,
     * MULS and ADDS per row; GCC interleaves the rows with moves between high and low registers
     * otherwise (measured: 84 instructions for 4 x 5, GCC 89) */
    if (n == 4 && __builtin_constant_p(cols) && cols <= 8) {
#pragma GCC unroll 8
        for (c = 0; c < cols; c++) {
            uint32_t t;
            int32_t x = v[c];
            __asm__(".syntax unified\n\t"
                    "ldrb %[t], [%[m], %[o0]]\n\t"
                    "muls %[t], %[x]\n\t"
                    "adds %[d0], %[d0], %[t]\n\t"
                    "ldrb %[t], [%[m], %[o1]]\n\t"
                    "muls %[t], %[x]\n\t"
                    "adds %[d1], %[d1], %[t]\n\t"
                    "ldrb %[t], [%[m], %[o2]]\n\t"
                    "muls %[t], %[x]\n\t"
                    "adds %[d2], %[d2], %[t]\n\t"
                    "ldrb %[t], [%[m], %[o3]]\n\t"
                    "muls %[t], %[x]\n\t"
                    "adds %[d3], %[d3], %[t]\n\t"
                    ".syntax divided"
                    : [d0] "+l"(d0), [d1] "+l"(d1), [d2] "+l"(d2), [d3] "+l"(d3), [t] "=&l"(t)
                    : [m] "l"(m), [x] "l"(x), [o0] "I"(c), [o1] "I"(cols + c), [o2] "I"(2 * cols + c),
                      [o3] "I"(3 * cols + c), "m"(*(const fgc_w8_t(*)[32])m)
                    : "cc");
        }
        chunks = cols;
    }
#endif
#if defined(FGC_W8_BIASED) && defined(__GNUC__)
#pragma GCC unroll 32
#endif
    for (c = chunks; c < cols; c++) {
        int32_t x = v[c];
        d0 += (uint32_t)(m[c] * x);
        d1 += n > 1 ? (uint32_t)(m[cols + c] * x) : 0u;
        d2 += n > 2 ? (uint32_t)(m[2 * cols + c] * x) : 0u;
        d3 += n > 3 ? (uint32_t)(m[3 * cols + c] * x) : 0u;
        d4 += n > 4 ? (uint32_t)(m[4 * cols + c] * x) : 0u;
    }
    fgc_store_q7_q15(y, y16, r0, d0, s, acc);
    if (n > 1) {
        fgc_store_q7_q15(y, y16, r0 + 1, d1, s, acc);
    }
    if (n > 2) {
        fgc_store_q7_q15(y, y16, r0 + 2, d2, s, acc);
    }
    if (n > 3) {
        fgc_store_q7_q15(y, y16, r0 + 3, d3, s, acc);
    }
    if (n > 4) {
        fgc_store_q7_q15(y, y16, r0 + 4, d4, s, acc);
    }
}

/* every row of a product into y or, narrowed, into y16 (fgc_store_q7_q15) */
FGC_INLINE void fgc_product_q7_q15(const fgc_w8_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                   int acc, int32_t *y, int16_t *y16)
{
    uint32_t start = fgc_row_start_q7(v, cols, s);
    uint32_t r;
    if (fgc_long_row(cols)) {
        uint32_t n = fgc_rows_together(rows, cols);
        uint32_t whole = rows - rows % n;
        for (r = 0; r < whole; r += n) {
            fgc_rows_q7_q15(m + r * cols, v, n, cols, s, acc, start, y, y16, r);
        }
        if (rows > whole) {
            fgc_rows_q7_q15(m + whole * cols, v, rows - whole, cols, s, acc, start, y, y16, whole);
        }
        return;
    }
    for (r = 0; r < rows; r++) {
        fgc_store_q7_q15(y, y16, r, fgc_dot_q7_q15(m + r * cols, v, cols, start), s, acc);
    }
}

FGC_INLINE void fgc_matvec_q7_q15_inl(const fgc_w8_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                      int acc, int32_t *y)
{
    fgc_product_q7_q15(m, v, rows, cols, s, acc, y, (int16_t *)0);
}

/* §3.2 then §3.3: y[r] = sat16(rshift(m[r] . v, s)), for a product whose int32 result only gets
 * narrowed (a low-rank product's first factor) */
FGC_INLINE void fgc_matvec_narrow_q7_q15_inl(const fgc_w8_t *m, const int16_t *v, uint32_t rows, uint32_t cols,
                                             int s, int16_t *y)
{
    fgc_product_q7_q15(m, v, rows, cols, s, 0, (int32_t *)0, y);
}

/* y = sat32(rshift(m1 . v1, s1) + rshift(m2 . v2, s2)), i.e. the first product then the second
 * accumulated (§3.7's pre-activation): one pass over the rows where rows go one by one. */
FGC_INLINE void fgc_matvec2_q7_q15_inl(const fgc_w8_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                       const fgc_w8_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                       uint32_t rows, int32_t *y)
{
    uint32_t start1, start2, r;
    if (fgc_long_row(cols1) || fgc_long_row(cols2)) {
        fgc_matvec_q7_q15_inl(m1, v1, rows, cols1, s1, 0, y);
        fgc_matvec_q7_q15_inl(m2, v2, rows, cols2, s2, fgc_sum_fits32(s1, s2) ? 2 : 1, y);
        return;
    }
    start1 = fgc_row_start_q7(v1, cols1, s1);
    start2 = fgc_row_start_q7(v2, cols2, s2);
    for (r = 0; r < rows; r++) {
        y[r] = fgc_row_end_q7(fgc_dot_q7_q15(m1 + r * cols1, v1, cols1, start1), s1);
        fgc_store_q7_q15(y, (int16_t *)0, r, fgc_dot_q7_q15(m2 + r * cols2, v2, cols2, start2), s2,
                         fgc_sum_fits32(s1, s2) ? 2 : 1);
    }
}

/* The same with int16 weights, row by row (an int64 sum per row). */
FGC_INLINE void fgc_matvec_q15_q15_inl(const int16_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                       int acc, int32_t *y)
{
    uint32_t r;
    for (r = 0; r < rows; r++) {
        y[r] = acc ? fgc_matvec_acc_q15_q15_row(y[r], m + r * cols, v, cols, s)
                   : fgc_matvec_q15_q15_row(m + r * cols, v, cols, s);
    }
}

/* §3.2 then §3.3 with int16 weights: y[r] = sat16(sat32(rshift(m[r] . v, s))) */
FGC_INLINE void fgc_matvec_narrow_q15_q15_inl(const int16_t *m, const int16_t *v, uint32_t rows, uint32_t cols,
                                              int s, int16_t *y)
{
    uint32_t r;
    for (r = 0; r < rows; r++) {
        y[r] = (int16_t)fgc_narrow_q15_el(fgc_matvec_q15_q15_row(m + r * cols, v, cols, s));
    }
}

FGC_INLINE void fgc_matvec2_q15_q15_inl(const int16_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                        const int16_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                        uint32_t rows, int32_t *y)
{
    uint32_t r;
    for (r = 0; r < rows; r++) {
        y[r] = fgc_matvec_acc_q15_q15_row(fgc_matvec_q15_q15_row(m1 + r * cols1, v1, cols1, s1), m2 + r * cols2,
                                          v2, cols2, s2);
    }
}

#endif /* !__AVR__ */

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

/* ------------------------------------------------------------------------- §3.7 element loop */

/*
 * FastGRNN's element loop with a sigmoid gate and a tanh update, for i < n:
 *   z = sigmoid(bias(pre[i], bg[i]), fp), c = tanh(bias(pre[i], bh[i]), fp) (both Q14),
 *   h[i] = blend(z, 14, c, 14, zeta, nu, fh, h[i])
 * exactly as the element functions compute them (§3.3-§3.5). Thumb-1 runs a hand-scheduled loop
 * for the formats it covers (GCC spends about ten instructions more per element on moving
 * pointers and constants between high and low registers; measured): there sigmoid's
 * (16385 + t) >> 1 is kept as q = (t + 1) >> 1 and z = 8192 + q enters the blend as
 * zeta * z = 8192 * zeta + zeta * q (folded into the constant k) and z * h = q * h + (h << 13).
 * fp, fh, zeta, nu and n must be compile-time constants there (asm immediates); without
 * optimisation the portable loop runs.
 */
FGC_INLINE void fgc_fastgrnn_sigmoid_tanh_q15_inl(const int32_t *pre, const int16_t *bg, const int16_t *bh, int fp,
                                                  int32_t zeta, int32_t nu, int fh, uint32_t n, int16_t *h)
{
    uint32_t i;
#if defined(FGC_THUMB1_ASM)
    int sc = 14 + 14 - fh; /* the blend's shift, c in Q14 */
    if (fp >= -2 && fp <= 12 && sc >= 2 && sc <= 31 && zeta >= 0 && zeta <= 16384 && nu >= 0 && nu <= 16384
        && n >= 1 && n <= 16384) {
        /* the int16 arrays are read at negative offsets from their ends, so that the loop's count
         * sets the flags its branch tests */
        register uint32_t r_i __asm__("r0") = 0u - 2u * n;
        register const int32_t *r_pre __asm__("r1") = pre;
        register const uint16_t *r_tab __asm__("r6") = (const uint16_t *)fgc_tanh_table_q14;
        register const int16_t *r_bg __asm__("r8") = bg + n;
        register const int16_t *r_bh __asm__("r9") = bh + n;
        register int16_t *r_h __asm__("r10") = h + n;
        register int32_t r_k __asm__("r11") = (zeta + nu) * 16384 + 8192 - 8192 * zeta;
        register int32_t r_zeta __asm__("r12") = -zeta;
        __asm__ volatile(
            ".syntax unified\n\t"
            "1:\n\t"
            "ldm r1!, {r2}\n\t"
            "mov r3, r8\n\t"
            "ldrsh r3, [r3, r0]\n\t"
            "adds r3, r3, r2\n\t"
            "sxth r4, r3\n\t"
            "cmp r4, r3\n\t"
            "bne 8f\n"
            "2:\n\t"
            "asrs r5, r4, #31\n\t"
            "eors r4, r5\n\t"
            "subs r4, r4, r5\n\t"
            "lsls r4, r4, %[lz]\n\t"
            "lsrs r3, r4, #16\n\t"
            "bne 9f\n\t"
            "lsrs r3, r4, #8\n\t"
            "lsls r3, r3, #1\n\t"
            "ldrh r7, [r6, r3]\n\t"
            "adds r3, #2\n\t"
            "ldrh r3, [r6, r3]\n\t"
            "uxtb r4, r4\n\t"
            "subs r3, r3, r7\n\t"
            "muls r3, r4\n\t"
            "adds r3, #128\n\t"
            "asrs r3, r3, #8\n\t"
            "adds r7, r7, r3\n"
            "3:\n\t"
            "eors r7, r5\n\t"
            "subs r7, r7, r5\n\t"
            "adds r7, #1\n\t"
            "asrs r7, r7, #1\n\t"
            "mov r3, r9\n\t"
            "ldrsh r3, [r3, r0]\n\t"
            "adds r3, r3, r2\n\t"
            "sxth r4, r3\n\t"
            "cmp r4, r3\n\t"
            "bne 10f\n"
            "4:\n\t"
            "asrs r5, r4, #31\n\t"
            "eors r4, r5\n\t"
            "subs r4, r4, r5\n\t"
            "lsls r4, r4, %[lc]\n\t"
            "lsrs r3, r4, #16\n\t"
            "bne 11f\n\t"
            "lsrs r3, r4, #8\n\t"
            "lsls r3, r3, #1\n\t"
            "ldrh r2, [r6, r3]\n\t"
            "adds r3, #2\n\t"
            "ldrh r3, [r6, r3]\n\t"
            "uxtb r4, r4\n\t"
            "subs r3, r3, r2\n\t"
            "muls r3, r4\n\t"
            "adds r3, #128\n\t"
            "asrs r3, r3, #8\n\t"
            "adds r2, r2, r3\n"
            "5:\n\t"
            "eors r2, r5\n\t"
            "subs r2, r2, r5\n\t"
            "mov r4, r12\n\t"
            "muls r4, r7\n\t"
            "add r4, r11\n\t"
            "asrs r4, r4, #14\n\t"
            "muls r4, r2\n\t"
            "asrs r4, r4, %[sc1]\n\t"
            "adds r4, #1\n\t"
            "asrs r4, r4, #1\n\t"
            "mov r3, r10\n\t"
            "ldrsh r5, [r3, r0]\n\t"
            "muls r7, r5\n\t"
            "lsls r5, r5, #13\n\t"
            "adds r7, r7, r5\n\t"
            "asrs r7, r7, #13\n\t"
            "adds r7, #1\n\t"
            "asrs r7, r7, #1\n\t"
            "adds r4, r4, r7\n\t"
            "sxth r5, r4\n\t"
            "cmp r5, r4\n\t"
            "bne 12f\n"
            "6:\n\t"
            "strh r5, [r3, r0]\n\t"
            "adds r0, #2\n\t"
            "bne 1b\n\t"
            "b 7f\n"
            "8:\n\t"
            "asrs r4, r2, #31\n\t"
            "movs r5, #1\n\t"
            "lsls r5, r5, #15\n\t"
            "subs r5, #1\n\t"
            "eors r4, r5\n\t"
            "b 2b\n"
            "9:\n\t"
            "movs r7, #1\n\t"
            "lsls r7, r7, #14\n\t"
            "b 3b\n"
            "10:\n\t"
            "asrs r4, r2, #31\n\t"
            "movs r5, #1\n\t"
            "lsls r5, r5, #15\n\t"
            "subs r5, #1\n\t"
            "eors r4, r5\n\t"
            "b 4b\n"
            "11:\n\t"
            "movs r2, #1\n\t"
            "lsls r2, r2, #14\n\t"
            "b 5b\n"
            "12:\n\t"
            "asrs r5, r4, #31\n\t"
            "movs r7, #1\n\t"
            "lsls r7, r7, #15\n\t"
            "subs r7, #1\n\t"
            "eors r5, r7\n\t"
            "b 6b\n"
            "7:\n\t"
            ".syntax divided"
            : "+r"(r_i), "+r"(r_pre)
            : "r"(r_tab), "r"(r_bg), "r"(r_bh), "r"(r_h), "r"(r_k), "r"(r_zeta), [lz] "I"(12 - fp),
              [lc] "I"(13 - fp), [sc1] "I"(sc - 1)
            : "r2", "r3", "r4", "r5", "r7", "cc", "memory");
        return;
    }
#elif defined(__AVR__) && defined(__OPTIMIZE__) /* unoptimised builds lack the registers its assembly needs */
    if (fgc_fastgrnn_sigmoid_tanh_avr(pre, bg, bh, fp, zeta, nu, fh, (uint16_t)n, h)) {
        return;
    }
#endif
    for (i = 0; i < n; i++) {
        /* the biases are constants: in program memory on AVR */
        int32_t z = fgc_sigmoid_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bg + i)), fp);
        int32_t c = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bh + i)), fp);
        h[i] = (int16_t)fgc_fastgrnn_blend_q15_el(z, 14, c, 14, zeta, nu, fh, h[i]);
    }
}

#endif /* FGC_Q15_INLINE_H */
