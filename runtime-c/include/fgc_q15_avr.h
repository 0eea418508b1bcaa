/*
 * fgc runtime: the fixed-point operations of docs/fixed-point.md for 8-bit AVR (ATmega), where
 * fgc_q15_inline.h's own versions would be slow or wrong; it includes this header at its top and
 * leaves out the functions defined here. The same integers as there, computed the way an 8-bit core
 * without a barrel shifter and with an 8x8 multiplier likes:
 *  - constants are in program memory (FGC_ROM), read with LPM through fgc_memory.h;
 *  - products with int8 weights are 8x16-bit multiply-accumulates in assembly (two MULs, a 32-bit
 *    sum biased so that no sign extension is needed), dense matrices stored in groups of three rows
 *    whose sums stay in registers while each input is loaded once; with int16 weights 16x16-bit
 *    ones into a 48-bit sum (no 64-bit arithmetic); sparse rows the same on the input their column
 *    picks (fgc_q15_avr_products.h);
 *  - other products are 16x16 bits, inline, never a 32x32 multiplication, since §3 bounds the
 *    operands: activations, hidden state and Q14 constants are int16 values;
 *  - shifts by a constant move whole bytes first and then shift at most 7 bits, unrolled;
 *  - values that fit 16 bits stay 16 bits (tanh's table lookup, the bias, the normalisation's
 *    difference, the sigmoid's halving need no 32-bit arithmetic);
 *  - FastGRNN's blend with a Q14 gate and update (the usual case) is one block of assembly with
 *    24-bit intermediate values, and its whole element loop one loop of assembly, as is the
 *    normalisation's (fgc_q15_avr_elements.h).
 * Assembly that needs many registers names fixed scratch registers (clobbered) rather than
 * operands: GCC's AVR register allocator gives up on asm with many constrained operands.
 */
#ifndef FGC_Q15_AVR_H
#define FGC_Q15_AVR_H

/* defined in fgc_q15_inline.h, after this header */
FGC_INLINE int32_t fgc_rshift32(int32_t a, int s);
FGC_INLINE int64_t fgc_rshift64(int64_t a, int s);
FGC_INLINE int32_t fgc_sat16(int32_t a);
FGC_INLINE int32_t fgc_sat32(int64_t a);

/* GCC sizes an asm by its lines, so a .rept block carries empty lines for its largest expansion
 * (otherwise GCC would branch over it with too short a jump) */
#define FGC_NL16 "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"

/* ------------------------------------------------------------------------------- §2 */

/* a / 2 rounded down: one arithmetic shift through the four bytes. In assembly so that GCC keeps a
 * run of them unrolled (it would loop, costing half as much again per bit). */
FGC_INLINE int32_t fgc_asr1_avr(int32_t a)
{
    __asm__("asr %D0\n\tror %C0\n\tror %B0\n\tror %A0" : "+r"(a));
    return a;
}

FGC_INLINE int16_t fgc_asr1_16_avr(int16_t a)
{
    __asm__("asr %B0\n\tror %A0" : "+r"(a));
    return a;
}

FGC_INLINE uint32_t fgc_lsl1_avr(uint32_t a)
{
    __asm__("lsl %A0\n\trol %B0\n\trol %C0\n\trol %D0" : "+r"(a));
    return a;
}

/* a shifted right arithmetically by r = 0 to 7 bits, one bit at a time. -Os keeps a loop even
 * for a constant r, at twice the cost; a constant r is taken apart into its bits instead, which
 * gives straight-line code (for a variable r, the loop is shorter). */
#define FGC_BITS_AVR(NAME, T, STEP)                                   \
    FGC_INLINE T NAME(T a, int r)                                     \
    {                                                                 \
        if (!__builtin_constant_p(r)) {                               \
            for (; r > 0; r--) {                                      \
                a = STEP(a);                                          \
            }                                                         \
            return a;                                                 \
        }                                                             \
        if (r & 4) {                                                  \
            a = STEP(STEP(STEP(STEP(a))));                            \
        }                                                             \
        if (r & 2) {                                                  \
            a = STEP(STEP(a));                                        \
        }                                                             \
        return r & 1 ? STEP(a) : a;                                   \
    }

/* the same for 32-bit and 16-bit arithmetic shifts right, and 32-bit shifts left */
FGC_BITS_AVR(fgc_asr_bits_avr, int32_t, fgc_asr1_avr)
FGC_BITS_AVR(fgc_asr_bits16_avr, int16_t, fgc_asr1_16_avr)
FGC_BITS_AVR(fgc_lsl_bits_avr, uint32_t, fgc_lsl1_avr)

/* floor(a / 2^s) for s from 0 to 31: whole bytes by moving them, then the remaining r bits; from
 * 16 on the rest fits 16 bits and is shifted as such. With r >= 5 and a whole byte moved, shifting
 * left by 8 - r bits (the value has room) and moving one more byte is shorter. */
FGC_INLINE int32_t fgc_asr_avr(int32_t a, int s)
{
    int r = s & 7;
    if (s >= 16) {
        return fgc_asr_bits16_avr((int16_t)(s >= 24 ? a >> 24 : a >> 16), r);
    }
    if (s >= 8 && r >= 5) {
        uint32_t u = (uint32_t)(a >> 8); /* fits 24 bits: room for 8 - r more */
        return (int32_t)fgc_lsl_bits_avr(u, 8 - r) >> 8;
    }
    if (s >= 8) {
        a >>= 8;
    }
    return fgc_asr_bits_avr(a, r);
}

/* bit b of a, for b from 0 to 31: a bit of one byte */
FGC_INLINE int32_t fgc_bit_avr(int32_t a, int b)
{
    uint8_t byte = (uint8_t)((uint32_t)a >> (8 * (b >> 3)));
    return (byte >> (b & 7)) & 1;
}

/* §2 rshift(a, s) for 1 <= s <= 31 as floor(a / 2^s) plus bit s - 1 of a (no overflow: the floor
 * is at most 2^30 in magnitude). */
FGC_INLINE int32_t fgc_rshift32_avr(int32_t a, int s)
{
    return fgc_asr_avr(a, s) + fgc_bit_avr(a, s - 1);
}

/* The product p0-p3 (low to high; p0 and p2 even, for MOVW) of the int16 values xl:xh and yl:yh
 * (in r16-r23), in four 8x8 multiplications; zero holds 0. After MULSU the carry is the sign of its
 * 16-bit product. */
#define FGC_MUL16_AVR(xl, xh, yl, yh, p0, p1, p2, p3, zero) \
    "muls " xh ", " yh "\n\t"                            \
    "movw " p2 ", r0\n\t"                                \
    "mul " xl ", " yl "\n\t"                             \
    "movw " p0 ", r0\n\t"                                \
    "mulsu " xh ", " yl "\n\t"                           \
    "sbc " p3 ", " zero "\n\t"                           \
    "add " p1 ", r0\n\t"                                 \
    "adc " p2 ", r1\n\t"                                 \
    "adc " p3 ", " zero "\n\t"                           \
    "mulsu " yh ", " xl "\n\t"                           \
    "sbc " p3 ", " zero "\n\t"                           \
    "add " p1 ", r0\n\t"                                 \
    "adc " p2 ", r1\n\t"                                 \
    "adc " p3 ", " zero "\n\t"

/* The product of two int16 values, 16x16 -> 32 bits, inline (GCC calls a library helper, at twice
 * the cost). */
FGC_INLINE int32_t fgc_mul16_avr(int32_t a, int32_t b)
{
    int32_t p;
    int16_t x = (int16_t)a, y = (int16_t)b;
    uint8_t zero = 0;
    __asm__(FGC_MUL16_AVR("%A[x]", "%B[x]", "%A[y]", "%B[y]", "%A[p]", "%B[p]", "%C[p]", "%D[p]", "%[zero]")
            "clr __zero_reg__"
            : [p] "=&r"(p)
            : [x] "a"(x), [y] "a"(y), [zero] "r"(zero)
            : "r0");
    return p;
}

/* a * b for any int32 a and an int16 b, when the product fits int32 (§3.5 requires it): the low
 * half of a (unsigned) times b, in four 8x8 multiplications, plus the high half's product, of
 * which only the low 16 bits matter, shifted up; modulo 2^32, which is the exact product since it
 * fits. */
FGC_INLINE int32_t fgc_mul32x16_avr(int32_t a, int32_t b)
{
    uint32_t p;
    uint16_t x = (uint16_t)a;
    int16_t y = (int16_t)b;
    uint16_t top = (uint16_t)((uint32_t)a >> 16);
    uint16_t hi = top == 0 ? 0 : (uint16_t)(top * (uint16_t)b); /* a's top half is mostly 0 (§3.5's coef) */
    uint8_t zero = 0;
    __asm__("mulsu %B[y], %B[x]\n\t" /* hi(y) signed * hi(x) unsigned, at byte 2 */
            "movw %C[p], r0\n\t"
            "mul %A[x], %A[y]\n\t"
            "movw %A[p], r0\n\t"
            "mulsu %B[y], %A[x]\n\t"  /* hi(y) * lo(x), signed, at byte 1 */
            "sbc %D[p], %[zero]\n\t"
            "add %B[p], r0\n\t"
            "adc %C[p], r1\n\t"
            "adc %D[p], %[zero]\n\t"
            "mul %B[x], %A[y]\n\t"    /* hi(x) * lo(y), unsigned, at byte 1 */
            "add %B[p], r0\n\t"
            "adc %C[p], r1\n\t"
            "adc %D[p], %[zero]\n\t"
            "clr __zero_reg__"
            : [p] "=&r"(p)
            : [x] "a"(x), [y] "a"(y), [zero] "r"(zero)
            : "r0");
    return (int32_t)(p + ((uint32_t)hi << 16));
}

/* rshift(a, s) for |a| <= 2^30 (a product of two int16 values), any s from 0 to 255: a + 2^(s-1)
 * cannot overflow, so it is a shift of the sum. */
FGC_INLINE int32_t fgc_rshift_product_avr(int32_t a, int s)
{
    if (s == 0) {
        return a;
    }
    return s >= 32 ? 0 : fgc_asr_avr(a + ((int32_t)1 << (s - 1)), s);
}

/* sat16(a): in range when the top two bytes both equal the sign byte of the low two; compared
 * byte by byte */
FGC_INLINE int16_t fgc_sat16_avr(int32_t a)
{
    uint8_t sign = (uint8_t)((int8_t)(a >> 8) >> 7);
    if ((uint8_t)(a >> 16) == sign && (uint8_t)(a >> 24) == sign) {
        return (int16_t)a;
    }
    return (int16_t)((a >> 31) ^ 32767);
}

/* sat32(a + b): the addition's overflow flag says when to saturate, to the sign of b */
FGC_INLINE int32_t fgc_add_sat32_avr(int32_t a, int32_t b)
{
    uint8_t overflow = 0;
    __asm__("add %A[a], %A[b]\n\t"
            "adc %B[a], %B[b]\n\t"
            "adc %C[a], %C[b]\n\t"
            "adc %D[a], %D[b]\n\t"
            "brvc 1f\n\t"
            "inc %[o]\n"
            "1:"
            : [a] "+r"(a), [o] "+r"(overflow)
            : [b] "r"(b));
    return overflow ? (b >> 31) ^ INT32_MAX : a;
}

/* §3.3's sum of the int32 in P0-P3 and the int16 in B0:B1 (sign-extended through T), in place. The
 * 32-bit sum's overflow flag gives the exact sign where it wraps: then P3 is complemented to that
 * sign and the code jumps to SAT (saturated). Otherwise the sum is in range when its top two bytes
 * both equal the sign byte of its low two; the caller branches on the comparison's Z flag. */
#define FGC_ADD16_CHECK_AVR(P0, P1, P2, P3, B0, B1, T, SAT)                      \
    "mov " T ", " B1 "\n\t"                                                        \
    "lsl " T "\n\t"                                                                \
    "sbc " T ", " T "\n\t"                                                         \
    "add " P0 ", " B0 "\n\t"                                                       \
    "adc " P1 ", " B1 "\n\t"                                                       \
    "adc " P2 ", " T "\n\t"                                                        \
    "adc " P3 ", " T "\n\t"                                                        \
    "brvc 1f\n\t"                                                                  \
    "com " P3 "\n\t" /* wrapped: the true sign is the opposite of the top bit */   \
    "rjmp " SAT "\n"                                                               \
    "1:\n\t"                                                                       \
    "mov " T ", " P1 "\n\t"                                                        \
    "lsl " T "\n\t"                                                                \
    "sbc " T ", " T "\n\t"                                                         \
    "cp " P2 ", " T "\n\t"                                                         \
    "cpc " P3 ", " T "\n\t"

/* §3.3 bias: sat16(a + b) for any int32 a and int16 b. The result is an int16 value, so that code
 * using it stays 16-bit. */
FGC_INLINE int16_t fgc_bias_q15_avr(int32_t a, int32_t b)
{
    int16_t c = (int16_t)b;
    uint8_t t;
    __asm__(FGC_ADD16_CHECK_AVR("%A[a]", "%B[a]", "%C[a]", "%D[a]", "%A[c]", "%B[c]", "%[t]", "2f")
            "breq 4f\n"
            "2:\n\t"
            "sbrc %D[a], 7\n\t"
            "rjmp 3f\n\t"
            "ldi %A[a], 0xFF\n\t"
            "ldi %B[a], 0x7F\n\t"
            "rjmp 4f\n"
            "3:\n\t"
            "ldi %A[a], 0x00\n\t"
            "ldi %B[a], 0x80\n"
            "4:"
            : [a] "+d"(a), [t] "=&r"(t)
            : [c] "r"(c));
    return (int16_t)a;
}

/* ------------------------------------------------------------------------------- §3.1 */

/* sat16(a - b) for int16 a and b: the subtraction's overflow flag says when, and then the wrapped
 * difference has the opposite sign of the true one. */
FGC_INLINE int16_t fgc_sub_sat16_avr(int16_t a, int16_t b)
{
    __asm__("sub %A0, %A1\n\t"
            "sbc %B0, %B1\n\t"
            "brvc 2f\n\t"
            "ldi %A0, 0xFF\n\t"
            "sbrs %B0, 7\n\t"
            "rjmp 1f\n\t"
            "ldi %B0, 0x7F\n\t"
            "rjmp 2f\n"
            "1:\n\t"
            "ldi %A0, 0x00\n\t"
            "ldi %B0, 0x80\n"
            "2:"
            : "+d"(a)
            : "r"(b));
    return a;
}

/* §3.1 over the n inputs of a step: d = sat16(x - mean) and 1/std are int16, so their product is a
 * 16x16 multiplication, at most 2^30 in magnitude (a product's rshift). For a constant shift from
 * 8 to 15 and up to 255 inputs, one loop of assembly (about 74 cycles an input): the half added,
 * the top three bytes are the floor after 8 bits, shifted right by the rest, then saturated.
 * Z reads mean and 1/std in turn and writes y; r16 is zero, r17 counts. */
FGC_INLINE void fgc_normalize_q15_inl(const int16_t *x, const int16_t *mean, const int16_t *inv_std, uint32_t n,
                                      int s, int16_t *y)
{
    uint16_t i;
#if defined(__OPTIMIZE__)
    if (__builtin_constant_p(s) && s >= 8 && s <= 15 && __builtin_constant_p(n) && n >= 1 && n <= 255) {
        __asm__ volatile("clr r16\n\t"
                         "ldi r17, %[n]\n"
                         "1:\n\t"
                         "movw r30, %[mean]\n\t"
                         "lpm r22, Z+\n\t"
                         "lpm r23, Z+\n\t"
                         "movw %[mean], r30\n\t"
                         "movw r30, %[inv]\n\t"
                         "lpm r20, Z+\n\t"
                         "lpm r21, Z+\n\t"
                         "movw %[inv], r30\n\t"
                         "ld r18, X+\n\t"
                         "ld r19, X+\n\t"
                         "sub r18, r22\n\t" /* sat16(x - mean): on overflow the wrapped sign is wrong */
                         "sbc r19, r23\n\t"
                         "brvc 2f\n\t"
                         "ldi r18, 0xFF\n\t"
                         "ldi r19, 0x7F\n\t"
                         "brmi 2f\n\t"
                         "ldi r18, 0x00\n\t"
                         "ldi r19, 0x80\n"
                         "2:\n\t"
                         FGC_MUL16_AVR("r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r16")
                         "subi r22, lo8(%[mhalf])\n\t"
                         "sbci r23, hi8(%[mhalf])\n\t"
                         "sbci r24, hlo8(%[mhalf])\n\t"
                         "sbci r25, hhi8(%[mhalf])\n\t"
                         ".rept %[r]\n\t"
                         "asr r25\n\t"
                         "ror r24\n\t"
                         "ror r23\n\t"
                         ".endr\n\t"
                         "mov r18, r24\n\t" /* sat16: in range when r25 is the sign byte of r23-r24 */
                         "lsl r18\n\t"
                         "sbc r18, r18\n\t"
                         "cp r25, r18\n\t"
                         "breq 3f\n\t"
                         "ldi r23, 0xFF\n\t"
                         "ldi r24, 0x7F\n\t"
                         "sbrs r25, 7\n\t"
                         "rjmp 3f\n\t"
                         "ldi r23, 0x00\n\t"
                         "ldi r24, 0x80\n"
                         "3:\n\t"
                         "movw r30, %[y]\n\t"
                         "st Z+, r23\n\t"
                         "st Z+, r24\n\t"
                         "movw %[y], r30\n\t"
                         "dec r17\n\t"
                         "breq 4f\n\t" /* the loop is past BRNE's reach */
                         "rjmp 1b\n"
                         "4:\n\t"
                         "clr __zero_reg__" FGC_NL16 FGC_NL16 /* the .rept: 7 of 3 instructions */
                         : [x] "+x"(x), [mean] "+r"(mean), [inv] "+r"(inv_std), [y] "+r"(y)
                         : [n] "n"(n), [mhalf] "n"(-(1l << (s - 1))), [r] "n"(s - 8)
                         : "r0", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r30",
                           "r31", "memory");
        return;
    }
#endif
    for (i = (uint16_t)n; i > 0; i--) {
        int16_t d = fgc_sub_sat16_avr(*x++, FGC_ROM_I16(mean));
        *y++ = fgc_sat16_avr(fgc_rshift_product_avr(fgc_mul16_avr(d, FGC_ROM_I16(inv_std)), s));
        mean++;
        inv_std++;
    }
}

/* ------------------------------------------------------------------------------- §3.2 - §3.7 */

#include "fgc_q15_avr_products.h"
#include "fgc_q15_avr_elements.h"

#endif /* FGC_Q15_AVR_H */
