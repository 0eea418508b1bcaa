/*
 * fgc runtime: the fixed-point operations of docs/fixed-point.md for 8-bit AVR (ATmega), where
 * fgc_q15_inline.h's own versions would be slow or wrong; it includes this header at its top and
 * leaves out the functions defined here. The same integers as there, computed the way an 8-bit core
 * without a barrel shifter and with an 8x8 multiplier likes:
 *  - constants are in program memory (FGC_ROM), read with LPM through fgc_memory.h;
 *  - products with int8 weights are 8x16-bit multiply-accumulates in assembly (two MULs, a 32-bit
 *    sum biased so that no sign extension is needed), dense rows of up to 32 columns written out;
 *    with int16 weights 16x16-bit ones into a 48-bit sum (no 64-bit arithmetic); sparse rows the
 *    same on the input their column picks;
 *  - other products are 16x16 bits, inline, never a 32x32 multiplication, since §3 bounds the
 *    operands: activations, hidden state and Q14 constants are int16 values;
 *  - shifts by a constant move whole bytes first and then shift at most 7 bits, unrolled;
 *  - values that fit 16 bits stay 16 bits (tanh's table lookup, the bias, the normalisation's
 *    difference, the sigmoid's halving need no 32-bit arithmetic);
 *  - FastGRNN's blend with a Q14 gate and update (the usual case) is one block of assembly with
 *    24-bit intermediate values.
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

/* §3.3 bias: sat16(a + b) for any int32 a and int16 b. The 32-bit sum's overflow flag gives the
 * exact sign where it wraps (then it saturates); otherwise it is in range when its top two bytes
 * both equal the sign byte of its low two. The result is an int16 value, so that code using it
 * stays 16-bit. */
FGC_INLINE int16_t fgc_bias_q15_avr(int32_t a, int32_t b)
{
    int16_t c = (int16_t)b;
    uint8_t t;
    __asm__("mov %[t], %B[c]\n\t"
            "lsl %[t]\n\t"
            "sbc %[t], %[t]\n\t"
            "add %A[a], %A[c]\n\t"
            "adc %B[a], %B[c]\n\t"
            "adc %C[a], %[t]\n\t"
            "adc %D[a], %[t]\n\t"
            "brvc 1f\n\t"
            "com %D[a]\n\t" /* wrapped: the true sign is the opposite of the top bit */
            "rjmp 2f\n"
            "1:\n\t"
            "mov %[t], %B[a]\n\t"
            "lsl %[t]\n\t"
            "sbc %[t], %[t]\n\t"
            "cp %C[a], %[t]\n\t"
            "cpc %D[a], %[t]\n\t"
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

/* ------------------------------------------------------------------------------- §3.2 */

/*
 * Products with int8 weights in program memory, exact in int32 under §3.2's bound. Each product is
 * w * v = w * lo(v) + 256 * w * hi(v), two 8x8 multiplications (MULSU: signed weight, unsigned low
 * byte; MULS: signed high byte), each 16 bits signed. Flipping a 16-bit value's top bit adds 2^15
 * modulo 2^16 and makes it unsigned, so both are added without sign extension; a sum starts
 * cols * (2^15 + 2^23) lower, which those additions cancel, modulo 2^32 (the true sum fits int32).
 *
 * A dense matrix is stored in groups of FGC_W8_ROWS = 3 rows, each group column by column
 * (fgc_q15.h): the group's sums stay in r2-r5, r6-r9 and r10-r13 while each input is loaded once,
 * 17 cycles a multiply-accumulate (20 for a row on its own). r18 holds the weight, r19 and r20 the
 * input's bytes, r21 the flip mask and r22 zero. The sums are local register variables: GCC's AVR
 * register allocator gives up on asm with many constrained operands.
 */
#define FGC_GROUP_ROW_Q7_AVR(a, b, c, d) \
    "lpm r18, Z+\n\t"                    \
    "mulsu r18, r19\n\t"                 \
    "eor r1, r21\n\t"                    \
    "add " a ", r0\n\t"                  \
    "adc " b ", r1\n\t"                  \
    "adc " c ", r22\n\t"                 \
    "adc " d ", r22\n\t"                 \
    "muls r18, r20\n\t"                  \
    "eor r1, r21\n\t"                    \
    "add " b ", r0\n\t"                  \
    "adc " c ", r1\n\t"                  \
    "adc " d ", r22\n\t"

/* one column of a group of k rows (an operand): the input, then each row's weight */
#define FGC_GROUP_COLUMN_Q7_AVR                         \
    "ld r19, X+\n\t"                                    \
    "ld r20, X+\n\t"                                    \
    FGC_GROUP_ROW_Q7_AVR("r2", "r3", "r4", "r5")        \
    ".if %[k] > 1\n\t"                                  \
    FGC_GROUP_ROW_Q7_AVR("r6", "r7", "r8", "r9")        \
    ".endif\n\t"                                        \
    ".if %[k] > 2\n\t"                                  \
    FGC_GROUP_ROW_Q7_AVR("r10", "r11", "r12", "r13")    \
    ".endif\n\t"

/* 8 columns of 38 instructions (FGC_NL16) */
#define FGC_GROUP_PAD_Q7_AVR FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 \
    FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16 FGC_NL16
#define FGC_GROUP_Q7_AVR_CLOBBERS "r0", "r18", "r19", "r20", "r21", "r22", "memory"

/* a[j] += row j of the group of k rows at *mp (k from 1 to 3, a constant) times v, modulo 2^32,
 * for each j < k; *mp is left at the next group. Up to 8 columns (a constant) are written out;
 * more loop over two at a time. */
FGC_INLINE void fgc_group_q7_avr(const int8_t **mp, const int16_t *v, uint16_t cols, int k, uint32_t a[3])
{
#if !defined(__OPTIMIZE__) /* unoptimised builds lack the registers the assembly needs */
    const int8_t *m = *mp;
    uint16_t c;
    int j;
    for (c = 0; c < cols; c++) {
        for (j = 0; j < k; j++) {
            a[j] += (uint32_t)((int32_t)FGC_ROM_I8(m++) * v[c]);
        }
    }
    *mp = m;
#else
    const uint32_t offset = (uint32_t)cols * 0x808000ul;
    register uint32_t a0 __asm__("r2") = a[0] - offset;
    register uint32_t a1 __asm__("r6") = a[1] - offset;
    register uint32_t a2 __asm__("r10") = a[2] - offset;
    const int8_t *m = *mp;
    if (__builtin_constant_p(cols) && cols <= 8) {
        __asm__("ldi r21, 0x80\n\t"
                "clr r22\n\t"
                ".rept %[n]\n\t" FGC_GROUP_COLUMN_Q7_AVR ".endr\n\t"
                "clr __zero_reg__" FGC_GROUP_PAD_Q7_AVR
                : "+r"(a0), "+r"(a1), "+r"(a2), "+z"(m), "+x"(v)
                : [k] "n"(k), [n] "n"(cols)
                : FGC_GROUP_Q7_AVR_CLOBBERS);
    } else {
        uint16_t pairs = cols >> 1;
        if (cols & 1) {
            __asm__("ldi r21, 0x80\n\t"
                    "clr r22\n\t" FGC_GROUP_COLUMN_Q7_AVR
                    "clr __zero_reg__"
                    : "+r"(a0), "+r"(a1), "+r"(a2), "+z"(m), "+x"(v)
                    : [k] "n"(k)
                    : FGC_GROUP_Q7_AVR_CLOBBERS);
        }
        if (pairs > 0) {
            /* two columns of three rows are past BRNE's reach: BREQ out, RJMP back */
            __asm__("ldi r21, 0x80\n\t"
                    "clr r22\n"
                    "1:\n\t" FGC_GROUP_COLUMN_Q7_AVR FGC_GROUP_COLUMN_Q7_AVR
                    "sbiw %[p], 1\n\t"
                    "breq 2f\n\t"
                    "rjmp 1b\n"
                    "2:\n\t"
                    "clr __zero_reg__"
                    : "+r"(a0), "+r"(a1), "+r"(a2), "+z"(m), "+x"(v), [p] "+w"(pairs)
                    : [k] "n"(k)
                    : FGC_GROUP_Q7_AVR_CLOBBERS);
        }
    }
    a[0] = a0;
    a[1] = a1;
    a[2] = a2;
    *mp = m;
#endif
}

/* Whether a row's sum starts at 2^(s-1), rshift(a, s) = floor((a + 2^(s-1)) / 2^s) (§2, §3.2), and
 * ends with a plain floor, whole bytes moved: for constant s and cols, exact while a + 2^(s-1) fits
 * int32, which |a| <= cols * 2^22 guarantees for cols < 256 (the generated step's products). */
#define FGC_HALF_FIRST_Q7_AVR(cols, s) \
    (__builtin_constant_p(s) && __builtin_constant_p(cols) && (s) >= 1 && (s) <= 31 && (cols) < 256)

FGC_INLINE uint32_t fgc_row_start_q7_avr(uint16_t cols, int s)
{
    return FGC_HALF_FIRST_Q7_AVR(cols, s) ? 1ul << (s - 1) : 0u;
}

/* rshift(m . v, s) of a row whose sum a began at fgc_row_start_q7_avr */
FGC_INLINE int32_t fgc_row_end_q7_avr(uint32_t a, uint16_t cols, int s)
{
    return FGC_HALF_FIRST_Q7_AVR(cols, s) ? fgc_asr_avr((int32_t)a, s) : fgc_rshift32((int32_t)a, s);
}

/* Whether |rshift(m . v, s)| <= cols * 2^22 / 2^s + 1 for two products (§3.2's bound) provably sums
 * to less than limit in magnitude, from constants alone: below 2^31 the saturation cannot act, below
 * 2^23 the sum is a 24-bit one (three byte additions, one sign extension). */
#define FGC_SUM_FITS_Q7_AVR(cols1, s1, cols2, s2, limit)                                            \
    (__builtin_constant_p(cols1) && __builtin_constant_p(s1) && __builtin_constant_p(cols2) &&     \
     __builtin_constant_p(s2) && (s1) >= 0 && (s1) <= 31 && (s2) >= 0 && (s2) <= 31 &&            \
     (((uint64_t)(cols1) << 22 >> (s1)) + ((uint64_t)(cols2) << 22 >> (s2)) + 2u) < (limit))

/* The next column index of a compressed row (one byte, or two with wide), advancing idx. */
FGC_INLINE uint16_t fgc_column_avr(const void **idx, int wide)
{
    uint16_t c;
    if (wide) {
        const uint16_t *p = (const uint16_t *)*idx;
        c = FGC_ROM_U16(p);
        *idx = p + 1;
    } else {
        const uint8_t *p = (const uint8_t *)*idx;
        c = FGC_ROM_U8(p);
        *idx = p + 1;
    }
    return c;
}

/*
 * A compressed row's products with int8 values (fgc_sparse.h): n non-zeros, their columns in idx
 * (one byte each, or two with wide) and values in val, both in program memory and both advanced
 * past the row. The multiply-accumulate is fgc_dot_q7_q15's, on the input its column picks; Z
 * reads the two arrays in turn, and the loop ends when the value pointer reaches the row's end.
 * Fixed scratch registers (r18 the flip mask, r19 zero, r20-r22 the weight and input bytes,
 * r23:r24 the column) keep the operands few enough for GCC's register allocator. About 36 cycles
 * a non-zero.
 */
#define FGC_SPDOT_Q7_AVR_TAIL                                                                         \
    "movw %[ip], r30\n\t"                                                                           \
    "movw r30, %[vp]\n\t"                                                                           \
    "lpm r20, Z+\n\t"                                                                               \
    "movw %[vp], r30\n\t"                                                                           \
    "movw r26, %[v]\n\t"                                                                            \
    "add r26, r23\n\t"                                                                              \
    "adc r27, r19\n\t"                                                                              \
    "add r26, r23\n\t"                                                                              \
    "adc r27, r24\n\t"                                                                              \
    "ld r21, X+\n\t"                                                                                \
    "ld r22, X\n\t"                                                                                 \
    "mulsu r20, r21\n\t"                                                                            \
    "eor r1, r18\n\t"                                                                               \
    "add %A[acc], r0\n\t"                                                                           \
    "adc %B[acc], r1\n\t"                                                                           \
    "adc %C[acc], r19\n\t"                                                                          \
    "adc %D[acc], r19\n\t"                                                                          \
    "muls r20, r22\n\t"                                                                             \
    "eor r1, r18\n\t"                                                                               \
    "add %B[acc], r0\n\t"                                                                           \
    "adc %C[acc], r1\n\t"                                                                           \
    "adc %D[acc], r19\n\t"                                                                          \
    "cp %A[vp], %A[end]\n\t"                                                                        \
    "cpc %B[vp], %B[end]\n\t"                                                                       \
    "brne 1b\n\t"                                                                                   \
    "clr __zero_reg__"                                                                              \
    : [acc] "+r"(acc), [ip] "+r"(ip), [vp] "+r"(vp)                                                 \
    : [v] "r"(v), [end] "r"(end)                                                                    \
    : "r0", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r26", "r27", "r30", "r31", "memory"

FGC_INLINE int32_t fgc_spdot_q7_avr(const void **idx, const int8_t **val, const int16_t *v, uint16_t n, int wide)
{
#if !defined(__OPTIMIZE__)
    int32_t sum = 0;
    for (; n > 0; n--) {
        sum += (int32_t)FGC_ROM_I8((*val)++) * v[fgc_column_avr(idx, wide)];
    }
    return sum;
#else
    uint32_t acc = 0u - (uint32_t)n * 0x808000ul;
    const void *ip = *idx;
    const int8_t *vp = *val;
    const int8_t *end = vp + n;
    if (n == 0) {
        return 0;
    }
    if (wide) {
        /* a 16-bit column: its high byte in r24, doubled (2 * column = 2 * low + 512 * high) */
        __asm__("ldi r18, 0x80\n\t"
                "clr r19\n"
                "1:\n\t"
                "movw r30, %[ip]\n\t"
                "lpm r23, Z+\n\t"
                "lpm r24, Z+\n\t"
                "lsl r24\n\t"
                FGC_SPDOT_Q7_AVR_TAIL);
    } else {
        __asm__("ldi r18, 0x80\n\t"
                "clr r19\n"
                "1:\n\t"
                "movw r30, %[ip]\n\t"
                "lpm r23, Z+\n\t"
                "clr r24\n\t"
                FGC_SPDOT_Q7_AVR_TAIL);
    }
    *idx = ip;
    *val = vp;
    return (int32_t)acc;
#endif
}

/* The product of r18:r19 (weight) and r20:r21 (input) added to the 48-bit sum lo:hi of
 * fgc_dot_q15_q15 (SUBI 0x80 flips the top bit), with r17 = 0. */
#define FGC_MAC_Q15_AVR_PRODUCT  \
    "muls r19, r21\n\t"          \
    "movw r24, r0\n\t"           \
    "mul r18, r20\n\t"           \
    "movw r22, r0\n\t"           \
    "mulsu r19, r20\n\t"         \
    "sbc r25, r17\n\t"           \
    "add r23, r0\n\t"            \
    "adc r24, r1\n\t"            \
    "adc r25, r17\n\t"           \
    "mulsu r21, r18\n\t"         \
    "sbc r25, r17\n\t"           \
    "add r23, r0\n\t"            \
    "adc r24, r1\n\t"            \
    "adc r25, r17\n\t"           \
    "subi r25, 0x80\n\t"         \
    "add %A[lo], r22\n\t"        \
    "adc %B[lo], r23\n\t"        \
    "adc %C[lo], r24\n\t"        \
    "adc %D[lo], r25\n\t"        \
    "adc %A[hi], r17\n\t"        \
    "adc %B[hi], r17\n\t"

/* The 48-bit sum lo:hi sign-extended to int64 (little-endian bytes). */
FGC_INLINE int64_t fgc_sum48_avr(uint32_t lo, uint16_t hi)
{
    int16_t top = (int16_t)hi;
    int64_t sum = top;
    memcpy((uint8_t *)&sum, &lo, 4);
    memcpy((uint8_t *)&sum + 4, &top, 2);
    return sum;
}

/*
 * sum_c m[c] * v[c], int16 weights in program memory, exact: each product (four 8x8
 * multiplications, signed 32 bits) is made unsigned by flipping its top bit (+ 2^31) and added to
 * a 48-bit sum, which starts at -cols * 2^31 modulo 2^48; the true sum, below 2^47 in magnitude,
 * is then the 48-bit result sign-extended. Fixed scratch registers (r17 zero, r18-r21 the weight
 * and input, r22-r25 the product) keep GCC's register allocator out of it;
 * the loop ends when Z reaches the row's end. About 40 cycles a multiply-accumulate.
 */
FGC_INLINE int64_t fgc_dot_q15_q15(const int16_t *m, const int16_t *v, uint16_t cols)
{
#if !defined(__OPTIMIZE__)
    int64_t sum = 0;
    for (; cols > 0; cols--) {
        sum += fgc_mul16_avr(FGC_ROM_I16(m++), *v++);
    }
    return sum;
#else
    uint64_t start = (uint64_t)0 - ((uint64_t)cols << 31);
    uint32_t lo = (uint32_t)start;
    uint16_t hi = (uint16_t)(start >> 32);
    const int16_t *end = m + cols;
    if (cols == 0) {
        return 0;
    }
    __asm__("clr r17\n"
            "1:\n\t"
            "lpm r18, Z+\n\t"
            "lpm r19, Z+\n\t"
            "ld r20, X+\n\t"
            "ld r21, X+\n\t"
            FGC_MAC_Q15_AVR_PRODUCT
            "cp r30, %A[end]\n\t"
            "cpc r31, %B[end]\n\t"
            "brne 1b\n\t"
            "clr __zero_reg__"
            : [lo] "+r"(lo), [hi] "+r"(hi), "+z"(m), "+x"(v)
            : [end] "r"(end)
            : "r0", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "memory");
    return fgc_sum48_avr(lo, hi);
#endif
}

/* The rest of a turn of fgc_spdot_q15_avr's loop, its column in r23:r22 and Z past it: the value,
 * the input the column picks (X = v + 2 * column), the product; then the operands. */
#define FGC_SPDOT_Q15_AVR_TAIL                                                                        \
    "movw %[ip], r30\n\t"                                                                           \
    "movw r30, %[vp]\n\t"                                                                           \
    "lpm r18, Z+\n\t"                                                                               \
    "lpm r19, Z+\n\t"                                                                               \
    "movw %[vp], r30\n\t"                                                                           \
    "movw r26, %[v]\n\t"                                                                            \
    "add r26, r22\n\t"                                                                              \
    "adc r27, r23\n\t"                                                                              \
    "add r26, r22\n\t"                                                                              \
    "adc r27, r23\n\t"                                                                              \
    "ld r20, X+\n\t"                                                                                \
    "ld r21, X\n\t"                                                                                 \
    FGC_MAC_Q15_AVR_PRODUCT                                                                         \
    "cp %A[vp], %A[end]\n\t"                                                                        \
    "cpc %B[vp], %B[end]\n\t"                                                                       \
    "brne 1b\n\t"                                                                                   \
    "clr __zero_reg__"                                                                              \
    : [lo] "+r"(lo), [hi] "+r"(hi), [ip] "+r"(ip), [vp] "+r"(vp)                                    \
    : [v] "r"(v), [end] "r"(end)                                                                    \
    : "r0", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r26", "r27", "r30", "r31", "memory"

/* A compressed row's products with int16 values, as fgc_spdot_q7_avr with fgc_dot_q15_q15's sum;
 * the loop ends when the value pointer reaches the row's end. About 50 cycles a non-zero. */
FGC_INLINE int64_t fgc_spdot_q15_avr(const void **idx, const int16_t **val, const int16_t *v, uint16_t n,
                                     int wide)
{
#if !defined(__OPTIMIZE__)
    int64_t sum = 0;
    for (; n > 0; n--) {
        sum += fgc_mul16_avr(FGC_ROM_I16((*val)++), v[fgc_column_avr(idx, wide)]);
    }
    return sum;
#else
    uint64_t start = (uint64_t)0 - ((uint64_t)n << 31);
    uint32_t lo = (uint32_t)start;
    uint16_t hi = (uint16_t)(start >> 32);
    const void *ip = *idx;
    const int16_t *vp = *val;
    const int16_t *end = vp + n;
    if (n == 0) {
        return 0;
    }
    if (wide) {
        __asm__("clr r17\n"
                "1:\n\t"
                "movw r30, %[ip]\n\t"
                "lpm r22, Z+\n\t"
                "lpm r23, Z+\n\t"
                FGC_SPDOT_Q15_AVR_TAIL);
    } else {
        __asm__("clr r17\n"
                "1:\n\t"
                "movw r30, %[ip]\n\t"
                "lpm r22, Z+\n\t"
                "clr r23\n\t"
                FGC_SPDOT_Q15_AVR_TAIL);
    }
    *idx = ip;
    *val = vp;
    return fgc_sum48_avr(lo, hi);
#endif
}

/* Each row of a group on its own, written out (a loop over the sums would keep them in memory). */
#define FGC_EACH_ROW_AVR(k, ROW) \
    do {                         \
        ROW(0);                  \
        if ((k) > 1) {           \
            ROW(1);              \
        }                        \
        if ((k) > 2) {           \
            ROW(2);              \
        }                        \
    } while (0)

/* y[j] (+)= rshift(m . v, s) for the k rows of the group at *m, the sum saturated (§3.2) */
FGC_INLINE void fgc_matvec_group_q7_avr(const int8_t **m, const int16_t *v, uint16_t cols, int s, int acc, int k,
                                        int32_t *y)
{
    uint32_t a[3];
    a[0] = a[1] = a[2] = fgc_row_start_q7_avr(cols, s);
    fgc_group_q7_avr(m, v, cols, k, a);
#define FGC_ROW(j) y[j] = acc ? fgc_add_sat32_avr(y[j], fgc_row_end_q7_avr(a[j], cols, s)) \
                              : fgc_row_end_q7_avr(a[j], cols, s)
    FGC_EACH_ROW_AVR(k, FGC_ROW);
#undef FGC_ROW
}

FGC_INLINE void fgc_matvec_q7_q15_inl(const int8_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                      int acc, int32_t *y)
{
    uint16_t r;
    for (r = (uint16_t)rows; r >= 3; r -= 3, y += 3) {
        fgc_matvec_group_q7_avr(&m, v, (uint16_t)cols, s, acc, 3, y);
    }
    if (r == 2) {
        fgc_matvec_group_q7_avr(&m, v, (uint16_t)cols, s, acc, 2, y);
    } else if (r == 1) {
        fgc_matvec_group_q7_avr(&m, v, (uint16_t)cols, s, acc, 1, y);
    }
}

/* y[j] = sat16(rshift(m . v, s)) for the k rows of the group at *m (§3.2 then §3.3) */
FGC_INLINE void fgc_matvec_narrow_group_q7_avr(const int8_t **m, const int16_t *v, uint16_t cols, int s, int k,
                                               int16_t *y)
{
    uint32_t a[3];
    a[0] = a[1] = a[2] = fgc_row_start_q7_avr(cols, s);
    fgc_group_q7_avr(m, v, cols, k, a);
#define FGC_ROW(j) y[j] = fgc_sat16_avr(fgc_row_end_q7_avr(a[j], cols, s))
    FGC_EACH_ROW_AVR(k, FGC_ROW);
#undef FGC_ROW
}

/* §3.2 then §3.3: y = sat16(rshift(m . v, s)), for a product nothing else reads at int32 */
FGC_INLINE void fgc_matvec_narrow_q7_q15_inl(const int8_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                             int16_t *y)
{
    uint16_t r;
    for (r = (uint16_t)rows; r >= 3; r -= 3, y += 3) {
        fgc_matvec_narrow_group_q7_avr(&m, v, (uint16_t)cols, s, 3, y);
    }
    if (r == 2) {
        fgc_matvec_narrow_group_q7_avr(&m, v, (uint16_t)cols, s, 2, y);
    } else if (r == 1) {
        fgc_matvec_narrow_group_q7_avr(&m, v, (uint16_t)cols, s, 1, y);
    }
}

/* sat32(first + second) for two rshift results, in as few bytes as §3.2's bound allows */
FGC_INLINE int32_t fgc_add_products_q7_avr(int32_t first, uint16_t cols1, int s1, int32_t second, uint16_t cols2,
                                           int s2)
{
    if (FGC_SUM_FITS_Q7_AVR(cols1, s1, cols2, s2, 0x800000ull)) {
        return (__int24)first + (__int24)second;
    } else if (FGC_SUM_FITS_Q7_AVR(cols1, s1, cols2, s2, 0x80000000ull)) {
        return first + second;
    }
    return fgc_add_sat32_avr(first, second);
}

/* y[j] = sat32(rshift(m1 . v1, s1) + rshift(m2 . v2, s2)) for the k rows of the groups at *m1, *m2 */
FGC_INLINE void fgc_matvec2_group_q7_avr(const int8_t **m1, const int16_t *v1, uint16_t cols1, int s1,
                                         const int8_t **m2, const int16_t *v2, uint16_t cols2, int s2, int k,
                                         int32_t *y)
{
    uint32_t a[3], b[3];
    if (__builtin_constant_p(s1) && __builtin_constant_p(cols1) && __builtin_constant_p(cols2) && s1 == s2 &&
        s1 >= 1 && s1 <= 31 && cols1 + cols2 < 256) {
        /* one shift for both: floor(a / 2^s) * 2^s is a with its low s bits cleared, from which the
         * second sum goes on; the whole (each part |a| <= cols * 2^22 + 2^(s-1)) fits int32 */
        const uint32_t half = 1ul << (s1 - 1), low = (1ul << s1) - 1u;
        a[0] = a[1] = a[2] = half;
        fgc_group_q7_avr(m1, v1, cols1, k, a);
#define FGC_ROW(j) a[j] = (a[j] & ~low) + half
        FGC_EACH_ROW_AVR(k, FGC_ROW);
#undef FGC_ROW
        fgc_group_q7_avr(m2, v2, cols2, k, a);
#define FGC_ROW(j) y[j] = fgc_asr_avr((int32_t)a[j], s1)
        FGC_EACH_ROW_AVR(k, FGC_ROW);
#undef FGC_ROW
        return;
    }
    a[0] = a[1] = a[2] = fgc_row_start_q7_avr(cols1, s1);
    fgc_group_q7_avr(m1, v1, cols1, k, a);
    b[0] = b[1] = b[2] = fgc_row_start_q7_avr(cols2, s2);
    fgc_group_q7_avr(m2, v2, cols2, k, b);
#define FGC_ROW(j) y[j] = fgc_add_products_q7_avr(fgc_row_end_q7_avr(a[j], cols1, s1), cols1, s1, \
                                                  fgc_row_end_q7_avr(b[j], cols2, s2), cols2, s2)
    FGC_EACH_ROW_AVR(k, FGC_ROW);
#undef FGC_ROW
}

/* y = sat32(rshift(m1 . v1, s1) + rshift(m2 . v2, s2)), group by group */
FGC_INLINE void fgc_matvec2_q7_q15_inl(const int8_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                       const int8_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                       uint32_t rows, int32_t *y)
{
    uint16_t r;
    for (r = (uint16_t)rows; r >= 3; r -= 3, y += 3) {
        fgc_matvec2_group_q7_avr(&m1, v1, (uint16_t)cols1, s1, &m2, v2, (uint16_t)cols2, s2, 3, y);
    }
    if (r == 2) {
        fgc_matvec2_group_q7_avr(&m1, v1, (uint16_t)cols1, s1, &m2, v2, (uint16_t)cols2, s2, 2, y);
    } else if (r == 1) {
        fgc_matvec2_group_q7_avr(&m1, v1, (uint16_t)cols1, s1, &m2, v2, (uint16_t)cols2, s2, 1, y);
    }
}

/* y (+)= rshift(dot, s), saturated. rshift(dot, s) = rshift(floor(dot / 2^k), s - k) for k < s; with k
 * whole bytes (the most below s) and cols <= 2^k, |floor(dot / 2^k)| <= cols * 2^30 / 2^k fits int32:
 * its four bytes are read out of the int64 (no 64-bit shift), and the rest is int32 arithmetic. */
FGC_INLINE void fgc_store_q15_q15(int32_t *y, int64_t dot, uint32_t cols, int s, int acc)
{
    int k = (s - 1) & ~7;
    if (s >= 1 && s <= 32 && cols <= (1ul << k)) {
        int32_t q, r;
        memcpy(&q, (const uint8_t *)&dot + k / 8, sizeof q); /* little-endian: bytes k/8 .. k/8 + 3 */
        r = fgc_rshift32(q, s - k);
        *y = acc ? fgc_add_sat32_avr(*y, r) : r;
    } else {
        int64_t r = fgc_rshift64(dot, s);
        *y = fgc_sat32(acc ? (int64_t)*y + r : r);
    }
}

FGC_INLINE void fgc_matvec_q15_q15_inl(const int16_t *m, const int16_t *v, uint32_t rows, uint32_t cols, int s,
                                       int acc, int32_t *y)
{
    uint16_t r;
    for (r = 0; r < (uint16_t)rows; r++) {
        fgc_store_q15_q15(y + r, fgc_dot_q15_q15(m + r * (uint16_t)cols, v, (uint16_t)cols), cols, s, acc);
    }
}

/* §3.2 then §3.3 with int16 weights: y = sat16(sat32(rshift(m . v, s))) */
FGC_INLINE void fgc_matvec_narrow_q15_q15_inl(const int16_t *m, const int16_t *v, uint32_t rows, uint32_t cols,
                                              int s, int16_t *y)
{
    uint16_t r;
    for (r = 0; r < (uint16_t)rows; r++) {
        int32_t wide;
        fgc_store_q15_q15(&wide, fgc_dot_q15_q15(m + r * (uint16_t)cols, v, (uint16_t)cols), cols, s, 0);
        y[r] = fgc_sat16_avr(wide);
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

/* a * 2^k for a constant k (the caller keeps it in 16 bits), one bit at a time, unrolled */
FGC_INLINE uint16_t fgc_lsl16_avr(uint16_t a, int k)
{
    for (; k > 0; k--) {
        __asm__("lsl %A0\n\trol %B0" : "+r"(a));
    }
    return a;
}

FGC_INLINE uint16_t fgc_lsr16_avr(uint16_t a, int k)
{
    if (k >= 8) {
        a >>= 8;
        k -= 8;
    }
    for (; k > 0; k--) {
        __asm__("lsr %B0\n\tror %A0" : "+r"(a));
    }
    return a;
}

/* tanh of x in Q(f) as Q14, §3.4 steps 1-3, for f from -16 to 31, in 16 bits: |x| <= 2^15, and u
 * (|x| in Q13) clamps to 2^16 - 1 where it would reach 2^16 (|x| >= 8): T[255] = T[256] = 16384, so
 * the table then gives 16384 as §3.4's branch does. The interpolation T[k] + rshift(d * t, 8) with
 * d = T[k+1] - T[k] <= 512 is d * t = lo(d) * t + 256 * hi(d) * t, and rshift(lo(d) * t, 8) is the
 * product's high byte plus bit 7 of its low byte: two 8x8 multiplications. */
FGC_INLINE int16_t fgc_tanh_q14_el(int32_t x, int f)
{
    int16_t s = (int16_t)x; /* an int16 value (§3.4's input is q15) */
    uint16_t a = s < 0 ? -(uint16_t)s : (uint16_t)s;
    uint16_t u;
    const int16_t *tab;
    uint16_t r;
    uint8_t d0, d1, q, zero = 0;
    if (f >= 13) {
        u = f - 13 >= 16 ? 0u : fgc_lsr16_avr(a, f - 13);
    } else if (13 - f >= 16 || a >= (uint16_t)(65536ul >> (13 - f))) {
        u = a != 0 ? 0xFFFFu : 0u;
    } else {
        u = fgc_lsl16_avr(a, 13 - f);
    }
    tab = fgc_tanh_table_q14 + (u >> 8);
    __asm__("lpm %A[r], Z+\n\t"
            "lpm %B[r], Z+\n\t"
            "lpm %[d0], Z+\n\t"
            "lpm %[d1], Z\n\t"
            "sub %[d0], %A[r]\n\t"
            "sbc %[d1], %B[r]\n\t"
            "mul %[d0], %[t]\n\t"
            "mov %[q], r1\n\t"
            "lsl r0\n\t"
            "adc %[q], %[zero]\n\t"
            "mul %[d1], %[t]\n\t"
            "add r0, %[q]\n\t"
            "adc r1, %[zero]\n\t"
            "add %A[r], r0\n\t"
            "adc %B[r], r1\n\t"
            "clr __zero_reg__"
            : [r] "=&r"(r), [d0] "=&r"(d0), [d1] "=&r"(d1), [q] "=&r"(q), "+z"(tab)
            : [t] "r"((uint8_t)u), [zero] "r"(zero)
            : "r0");
    return s < 0 ? -(int16_t)r : (int16_t)r;
}

/* rshift(r24-r27, 14) into r26, r27, r30 (low to high), for any int32: sign-extended to a fifth
 * byte (r30) plus 2^13, shifted left by two bits, it has floor((p + 2^13) / 2^14) in its top three
 * bytes; byte 0 cannot reach them. */
#define FGC_RSHIFT14_AVR    \
    "mov r30, r27\n\t"      \
    "lsl r30\n\t"           \
    "sbc r30, r30\n\t"      \
    "subi r25, 0xE0\n\t"    \
    "sbci r26, 0xFF\n\t"    \
    "sbci r27, 0xFF\n\t"    \
    "sbci r30, 0xFF\n\t"    \
    "lsl r25\n\t"           \
    "rol r26\n\t"           \
    "rol r27\n\t"           \
    "rol r30\n\t"           \
    "lsl r25\n\t"           \
    "rol r26\n\t"           \
    "rol r27\n\t"           \
    "rol r30\n\t"

/*
 * §3.5 for a gate and an update in Q14 and sc = 14 (the hidden state in Q(fc)), the usual case:
 * sat16(rshift(z * h, 14) + rshift(coef * c, 14)) with coef = k + rshift(nz * z, 14), nz = -zeta
 * and k = zeta + nu, in one block of fixed registers: each rshift is of a 32-bit product and at
 * most 2^17 in magnitude, so coef and the sum are 24-bit values; coef * c is taken modulo 2^32,
 * exact since §3.5 requires it to fit int32. z is in r18:r19 and h in r20:r21, where the result
 * goes; c is read from C_LO and C_HI after the first two products; the last two arguments load nz
 * into r16:r17 and add k to r26, r27, r30 (immediates when zeta and nu are constants).
 */
#define FGC_BLEND14_AVR(C_LO, C_HI, NZ_TO_R16, ADD_K_TO_R26)                               \
    "clr r31\n\t"                                                                          \
    FGC_MUL16_AVR("r18", "r19", "r20", "r21", "r24", "r25", "r26", "r27", "r31")           \
    FGC_RSHIFT14_AVR                                                                       \
    "movw r20, r26\n\t" /* the sum so far in r20-r22 */                                    \
    "mov r22, r30\n\t"                                                                     \
    NZ_TO_R16                                                                              \
    FGC_MUL16_AVR("r16", "r17", "r18", "r19", "r24", "r25", "r26", "r27", "r31")           \
    FGC_RSHIFT14_AVR                                                                       \
    ADD_K_TO_R26                                                                           \
    "movw r16, r26\n\t" /* coef in r16-r18, c in r19 (low) and r23 (high) */               \
    "mov r18, r30\n\t"                                                                     \
    "mov r19, " C_LO "\n\t"                                                                \
    "mov r23, " C_HI "\n\t"                                                                \
    "mul r16, r19\n\t"                                                                     \
    "movw r24, r0\n\t"                                                                     \
    "mulsu r23, r17\n\t"                                                                   \
    "movw r26, r0\n\t"                                                                     \
    "mulsu r23, r16\n\t"                                                                   \
    "sbc r27, r31\n\t"                                                                     \
    "add r25, r0\n\t"                                                                      \
    "adc r26, r1\n\t"                                                                      \
    "adc r27, r31\n\t"                                                                     \
    "mul r17, r19\n\t"                                                                     \
    "add r25, r0\n\t"                                                                      \
    "adc r26, r1\n\t"                                                                      \
    "adc r27, r31\n\t"                                                                     \
    "mulsu r18, r19\n\t"                                                                   \
    "add r26, r0\n\t"                                                                      \
    "adc r27, r1\n\t"                                                                      \
    "muls r18, r23\n\t"                                                                    \
    "add r27, r0\n\t"                                                                      \
    FGC_RSHIFT14_AVR                                                                       \
    "add r20, r26\n\t"                                                                     \
    "adc r21, r27\n\t"                                                                     \
    "adc r22, r30\n\t"                                                                     \
    "mov r30, r21\n\t" /* sat16: in range when the top byte is the low half's sign byte */ \
    "lsl r30\n\t"                                                                          \
    "sbc r30, r30\n\t"                                                                     \
    "cp r22, r30\n\t"                                                                      \
    "breq 1f\n\t"                                                                          \
    "ldi r20, 0xFF\n\t"                                                                    \
    "ldi r21, 0x7F\n\t"                                                                    \
    "sbrc r22, 7\n\t"                                                                      \
    "subi r20, 0xFF\n\t" /* 0x7FFF + 1 */                                                  \
    "sbrc r22, 7\n\t"                                                                      \
    "ldi r21, 0x80\n"                                                                      \
    "1:\n\t"                                                                               \
    "clr __zero_reg__\n\t"
/* nz and k as the immediates %[nz] = -zeta and %[mk] = -k (subtracted) */
#define FGC_NZ_IMMEDIATE_AVR "ldi r16, lo8(%[nz])\n\tldi r17, hi8(%[nz])\n\t"
#define FGC_ADD_K_IMMEDIATE_AVR "subi r26, lo8(%[mk])\n\tsbci r27, hi8(%[mk])\n\tsbci r30, hlo8(%[mk])\n\t"
#define FGC_BLEND14_AVR_CLOBBERS                                                                           \
    "r0", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r26", "r27", "r30", "r31"

FGC_INLINE int16_t fgc_fastgrnn_blend14_avr(int16_t z, int16_t c, int32_t zeta, int32_t nu, int16_t h)
{
    int16_t r;
#if defined(__OPTIMIZE__)
    if (__builtin_constant_p(zeta) && __builtin_constant_p(nu)) {
        /* as immediates: five registers fewer for the caller's loop to spill */
        __asm__("movw r18, %[z]\n\t"
                "movw r20, %[h]\n\t"
                FGC_BLEND14_AVR("%A[c]", "%B[c]", FGC_NZ_IMMEDIATE_AVR, FGC_ADD_K_IMMEDIATE_AVR)
                "movw %[r], r20"
                : [r] "=r"(r)
                : [z] "r"(z), [c] "r"(c), [h] "r"(h), [nz] "n"(-zeta), [mk] "n"(-(zeta + nu))
                : FGC_BLEND14_AVR_CLOBBERS);
        return r;
    }
#endif
    {
        int16_t nz = (int16_t)-zeta;
        __int24 k = (__int24)(zeta + nu);
        __asm__("movw r18, %[z]\n\t"
                "movw r20, %[h]\n\t"
                FGC_BLEND14_AVR("%A[c]", "%B[c]", "movw r16, %[nz]\n\t",
                                "add r26, %A[k]\n\tadc r27, %B[k]\n\tadc r30, %C[k]\n\t")
                "movw %[r], r20"
                : [r] "=r"(r)
                : [z] "r"(z), [c] "r"(c), [h] "r"(h), [nz] "r"(nz), [k] "r"(k)
                : FGC_BLEND14_AVR_CLOBBERS);
    }
    return r;
}

/*
 * tanh(sat16(p + b), 13 - L) as Q14 (§3.3, §3.4) into R0:R1 (upper registers), for p in P0-P3
 * (upper registers, changed) and the bias b read from program memory at Z, after which SAVE_Z
 * keeps Z; L a constant from 1 to 8 and LIM = 2^(8 - L). A saturated sum is 32767 or -32768, whose
 * |x| in Q13 is past 2^16 for every such L, so it goes straight to +-16384; so does any
 * |s| >= 2^(16-L), which is |s|'s high byte >= LIM. Otherwise u = |s| << L is interpolated as
 * fgc_tanh_q14_el does (the table is the operand %[tab]). With SIG 1 the result is sigmoid's
 * (16385 + tanh) >> 1 instead (x is then in Q(f + 1)). D0 and D1 are scratch.
 */
#define FGC_BIAS_TANH_AVR(P0, P1, P2, P3, R0, R1, D0, D1, SAVE_Z, L, LIM, SIG) \
    "lpm " D0 ", Z+\n\t"                                                         \
    "lpm " D1 ", Z+\n\t"                                                         \
    SAVE_Z                                                                       \
    "mov r30, " D1 "\n\t"                                                        \
    "lsl r30\n\t"                                                                \
    "sbc r30, r30\n\t"                                                           \
    "add " P0 ", " D0 "\n\t"                                                     \
    "adc " P1 ", " D1 "\n\t"                                                     \
    "adc " P2 ", r30\n\t"                                                        \
    "adc " P3 ", r30\n\t"                                                        \
    "brvc 1f\n\t"                                                                \
    "com " P3 "\n\t" /* wrapped: the true sign is the opposite of the top bit */ \
    "rjmp 6f\n"                                                                  \
    "1:\n\t"                                                                     \
    "mov r30, " P1 "\n\t"                                                        \
    "lsl r30\n\t"                                                                \
    "sbc r30, r30\n\t"                                                           \
    "cp " P2 ", r30\n\t"                                                         \
    "cpc " P3 ", r30\n\t"                                                        \
    "brne 6f\n\t"                                                                \
    "mov " P3 ", " P1 "\n\t" /* the sign in the top byte, |s| in the low two */  \
    "sbrs " P1 ", 7\n\t"                                                         \
    "rjmp 2f\n\t"                                                                \
    "neg " P1 "\n\t"                                                             \
    "neg " P0 "\n\t"                                                             \
    "sbc " P1 ", __zero_reg__\n"                                                 \
    "2:\n\t"                                                                     \
    "cpi " P1 ", " LIM "\n\t"                                                    \
    "brsh 6f\n\t"                                                                \
    ".rept " L "\n\t"                                                            \
    "lsl " P0 "\n\t"                                                             \
    "rol " P1 "\n\t"                                                             \
    ".endr\n\t"                                                                  \
    "ldi r30, lo8(%[tab])\n\t"                                                   \
    "ldi r31, hi8(%[tab])\n\t"                                                   \
    "add r30, " P1 "\n\t"                                                        \
    "adc r31, __zero_reg__\n\t"                                                  \
    "add r30, " P1 "\n\t"                                                        \
    "adc r31, __zero_reg__\n\t"                                                  \
    "lpm " R0 ", Z+\n\t"                                                         \
    "lpm " R1 ", Z+\n\t"                                                         \
    "lpm " D0 ", Z+\n\t"                                                         \
    "lpm " D1 ", Z\n\t"                                                          \
    "sub " D0 ", " R0 "\n\t"                                                     \
    "sbc " D1 ", " R1 "\n\t"                                                     \
    "mul " D0 ", " P0 "\n\t"                                                     \
    "mov " D0 ", r1\n\t"                                                         \
    "lsl r0\n\t"                                                                 \
    "clr r1\n\t"                                                                 \
    "adc " D0 ", r1\n\t"                                                         \
    "mul " D1 ", " P0 "\n\t"                                                     \
    "add r0, " D0 "\n\t"                                                         \
    "clr " D0 "\n\t"                                                             \
    "adc r1, " D0 "\n\t"                                                         \
    "add " R0 ", r0\n\t"                                                         \
    "adc " R1 ", r1\n\t"                                                         \
    "clr __zero_reg__\n\t"                                                       \
    "rjmp 7f\n"                                                                  \
    "6:\n\t"                                                                     \
    "ldi " R0 ", 0x00\n\t"                                                       \
    "ldi " R1 ", 0x40\n"                                                         \
    "7:\n\t"                                                                     \
    "sbrs " P3 ", 7\n\t"                                                         \
    "rjmp 8f\n\t"                                                                \
    "neg " R1 "\n\t"                                                             \
    "neg " R0 "\n\t"                                                             \
    "sbc " R1 ", __zero_reg__\n"                                                 \
    "8:\n\t"                                                                     \
    ".if " SIG "\n\t" /* sigmoid: (16385 + t) >> 1, in 16 bits unsigned */       \
    "subi " R0 ", lo8(-16385)\n\t"                                               \
    "sbci " R1 ", hi8(-16385)\n\t"                                               \
    "lsr " R1 "\n\t"                                                             \
    "ror " R0 "\n\t"                                                             \
    ".endif\n\t"

/*
 * §3.7's FastGRNN loop (see fgc_q15_inline.h) for fh = 14, fp from 5 to 11 and constant zeta and
 * nu (as generated models have them), all in one loop of assembly: per hidden unit the
 * pre-activation is loaded once, the gate's bias and tanh (sigmoid's (16385 + t) >> 1 in it) and
 * the update's are one block each, then the blend's block, about 265 cycles. The pointers live in
 * r2-r11 (local register variables), the gate in r12:r13 and the update in r14:r15 while the blend
 * runs. Returns 0, having done nothing, for other formats or zeta and nu that are not constants.
 */
FGC_INLINE int fgc_fastgrnn_sigmoid_tanh_avr(const int32_t *pre, const int16_t *bg, const int16_t *bh, int fp,
                                             int32_t zeta, int32_t nu, int fh, uint16_t n, int16_t *h)
{
    if (fh != 14 || fp < 5 || fp > 11 || !__builtin_constant_p(zeta) || !__builtin_constant_p(nu) || n == 0) {
        return 0;
    }
    {
        register const int32_t *r_pre __asm__("r2") = pre;
        register const int16_t *r_bg __asm__("r4") = bg;
        register const int16_t *r_bh __asm__("r6") = bh;
        register int16_t *r_h __asm__("r8") = h;
        register const int16_t *r_end __asm__("r10") = bg + n;
        __asm__ volatile("10:\n\t"
                         "movw r30, r2\n\t"
                         "ld r16, Z+\n\t"
                         "ld r17, Z+\n\t"
                         "ld r18, Z+\n\t"
                         "ld r19, Z+\n\t"
                         "movw r2, r30\n\t"
                         "movw r24, r16\n\t" /* the update's copy of the pre-activation */
                         "movw r26, r18\n\t"
                         "movw r30, r4\n\t"
                         FGC_BIAS_TANH_AVR("r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23",
                                           "movw r4, r30\n\t", "%[lg]", "%[limg]", "1")
                         "movw r12, r20\n\t"
                         "movw r30, r6\n\t"
                         FGC_BIAS_TANH_AVR("r24", "r25", "r26", "r27", "r20", "r21", "r22", "r23",
                                           "movw r6, r30\n\t", "%[lc]", "%[limc]", "0")
                         "movw r14, r20\n\t"
                         "movw r18, r12\n\t"
                         "movw r30, r8\n\t"
                         "ld r20, Z\n\t"
                         "ldd r21, Z+1\n\t"
                         FGC_BLEND14_AVR("r14", "r15", FGC_NZ_IMMEDIATE_AVR, FGC_ADD_K_IMMEDIATE_AVR)
                         "movw r30, r8\n\t"
                         "st Z+, r20\n\t"
                         "st Z+, r21\n\t"
                         "movw r8, r30\n\t"
                         "cp r4, r10\n\t"
                         "cpc r5, r11\n\t"
                         "breq 11f\n\t"
                         "rjmp 10b\n" /* the loop is past BRNE's reach */
                         "11:"
                         : "+r"(r_pre), "+r"(r_bg), "+r"(r_bh), "+r"(r_h)
                         : "r"(r_end), [lg] "n"(12 - fp), [limg] "n"(1 << (8 - (12 - fp))), [lc] "n"(13 - fp),
                           [limc] "n"(1 << (8 - (13 - fp))), [nz] "n"(-zeta), [mk] "n"(-(zeta + nu)),
                           [tab] "i"(fgc_tanh_table_q14), "m"(*(const int16_t(*)[257])fgc_tanh_table_q14)
                         : "r0", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23",
                           "r24", "r25", "r26", "r27", "r30", "r31", "memory");
    }
    return 1;
}

/* ------------------------------------------------------------------------------- §3.5, §3.6 */

/* §3.5 FastGRNN with the int32 kernel's requirements (see fgc_q15_inline.h): z, c, h, zeta and nu
 * are int16 values, so z * h and zeta * z are 16x16 products; coef and zi may need 32 bits, and
 * their products with an int16 fit int32 as required. */
FGC_INLINE int32_t fgc_fastgrnn_blend_q15_el(int32_t z, int fz, int32_t c, int fc, int32_t zeta, int32_t nu,
                                             int fh, int32_t h)
{
    int sc = 14 + fc - fh;
    if (fz == 14 && sc == 14) {
        return fgc_fastgrnn_blend14_avr((int16_t)z, (int16_t)c, zeta, nu, (int16_t)h);
    }
    if (fz >= 0) {
        int32_t coef = zeta + nu + fgc_rshift_product_avr(fgc_mul16_avr(-zeta, z), fz);
        return fgc_sat16_avr(fgc_rshift_product_avr(fgc_mul16_avr(z, h), fz)
                             + fgc_rshift32(fgc_mul32x16_avr(coef, c), sc));
    } else {
        int32_t zi = z * ((int32_t)1 << -fz);
        int32_t coef = zeta + nu - fgc_mul32x16_avr(zi, zeta);
        return fgc_sat16_avr(fgc_mul32x16_avr(zi, h) + fgc_rshift32(fgc_mul32x16_avr(coef, c), sc));
    }
}

/* §3.6 FastRNN: alpha, beta, c and h are int16 values. */
FGC_INLINE int32_t fgc_fastrnn_blend_q15_el(int32_t c, int fc, int32_t alpha, int32_t beta, int fh, int32_t h)
{
    return fgc_sat16_avr(fgc_rshift_product_avr(fgc_mul16_avr(beta, h), 14)
                         + fgc_rshift_product_avr(fgc_mul16_avr(alpha, c), 14 + fc - fh));
}

#endif /* FGC_Q15_AVR_H */
