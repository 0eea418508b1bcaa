/*
 * fgc runtime, part of fgc_q15_avr.h (include fgc_q15_inline.h, not this): §3.4's tanh, the
 * blends of §3.5 and §3.6, and §3.7's FastGRNN element loop on AVR.
 */
#ifndef FGC_Q15_AVR_ELEMENTS_H
#define FGC_Q15_AVR_ELEMENTS_H

#ifndef FGC_Q15_AVR_H
#error "include fgc_q15_inline.h"
#endif

/* ------------------------------------------------------------------------------- §3.4 */

/* a * 2^k for a constant k (the caller keeps it in 16 bits), one bit at a time, unrolled */
FGC_INLINE uint16_t fgc_lsl16_avr(uint16_t a, int k)
{
    for (; k > 0; k--) {
        __asm__("lsl %A0\n\trol %B0" : "+r"(a));
    }
    return a;
}

/* floor(a / 2^k) for a constant k from 0 to 15: a byte move for 8 of it, then one bit at a time */
FGC_INLINE int16_t fgc_asr16_avr(int16_t a, int k)
{
    if (k >= 8) {
        a = (int16_t)(int8_t)((uint16_t)a >> 8);
        k -= 8;
    }
    for (; k > 0; k--) {
        __asm__("asr %B0\n\tror %A0" : "+r"(a));
    }
    return a;
}

/* tanh of x in Q(f) as Q14, §3.4, for f from -16 to 31, in 16 bits (x is an int16 value): the
 * index floor(x * 2^(6 - f)) is an arithmetic shift for f >= 6; for f < 6 it is x * 2^m, m = 6 - f,
 * inside the table's range only while -256 / 2^m <= x < 256 / 2^m. */
FGC_INLINE int16_t fgc_tanh_q14_el(int32_t x, int f)
{
    int16_t s = (int16_t)x;
    int16_t k;
    if (f >= 6) {
        k = f - 6 >= 15 ? (s < 0 ? -1 : 0) : fgc_asr16_avr(s, f - 6);
    } else if (6 - f <= 8 && s >= -(256 >> (6 - f)) && s < (256 >> (6 - f))) {
        k = (int16_t)fgc_lsl16_avr((uint16_t)s, 6 - f);
    } else {
        k = s > 0 ? 255 : (s < 0 ? -256 : 0);
    }
    if (k > 255) {
        k = 255;
    } else if (k < -256) {
        k = -256;
    }
    return FGC_ROM_I16(fgc_tanh_table_q14 + 256 + k);
}

/* rshift(r24-r27, sc) into r26, r27, r30 (low to high), for any int32 and sc from 13 to 16: sign-
 * extended to a fifth byte (r30) plus 2^(sc-1) (ROUND = 256 - 2^(sc-9), subtracted with the
 * borrows), shifted left by LEFT = 16 - sc bits, it has floor((p + 2^(sc-1)) / 2^sc) in its top
 * three bytes; byte 0 cannot reach them. */
#define FGC_RSHIFT_AVR(ROUND, LEFT) \
    "mov r30, r27\n\t"             \
    "lsl r30\n\t"                  \
    "sbc r30, r30\n\t"             \
    "subi r25, " ROUND "\n\t"      \
    "sbci r26, 0xFF\n\t"           \
    "sbci r27, 0xFF\n\t"           \
    "sbci r30, 0xFF\n\t"           \
    ".rept " LEFT "\n\t"           \
    "lsl r25\n\t"                  \
    "rol r26\n\t"                  \
    "rol r27\n\t"                  \
    "rol r30\n\t"                  \
    ".endr\n\t"                    \
    "\n\n\n\n\n\n\n\n" /* GCC sizes an asm by its lines: room for three shifts */
#define FGC_RSHIFT14_AVR FGC_RSHIFT_AVR("0xE0", "2")

/*
 * §3.5 for a gate and an update in Q14 and sc = 14 (the hidden state in Q(fc)), the usual case:
 * sat16(rshift(z * h, 14) + rshift(coef * c, 14)) with coef = k + rshift(nz * z, 14), nz = -zeta
 * and k = zeta + nu, in one block of fixed registers: each rshift is of a 32-bit product and at
 * most 2^17 in magnitude, so coef and the sum are 24-bit values; coef * c is taken modulo 2^32,
 * exact since §3.5 requires it to fit int32. z is in r18:r19 and h in r20:r21, where the result
 * goes; c is read from C_LO and C_HI after the first two products; the last two arguments load nz
 * into r16:r17 and add k to r26, r27, r30 (immediates when zeta and nu are constants).
 */
#define FGC_BLEND14_AVR(C_LO, C_HI, NZ_TO_R16, ADD_K_TO_R26) \
    FGC_BLEND_AVR(C_LO, C_HI, NZ_TO_R16, ADD_K_TO_R26, "0xE0", "2")
/* The same for sc from 13 to 16: the last rshift is FGC_RSHIFT_AVR(ROUND, LEFT) */
#define FGC_BLEND_AVR(C_LO, C_HI, NZ_TO_R16, ADD_K_TO_R26, ROUND, LEFT)                    \
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
    FGC_RSHIFT_AVR(ROUND, LEFT)                                                            \
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
 * tanh(sat16(p + b), 6 + S) as Q14 (§3.3, §3.4) into R0:R1 (upper registers), for p in P0-P3
 * (upper registers, changed) and the bias b read from program memory at Z, after which SAVE_Z
 * keeps Z (the sum and its saturation are FGC_ADD16_CHECK_AVR's); S the index's shift, a constant
 * from 0 to 7, so that a saturated sum is always past the table's ends. For S >= 1 the entry's byte
 * offset 2 * floor(s / 2^S) is s shifted by S - 1 with bit 0 cleared, inside the table while its
 * high byte is -2 to 1. With SIG 1 the result is sigmoid's (16385 + tanh) >> 1 instead (x is then
 * in Q(f + 1)). D0 and D1 are scratch.
 */
#define FGC_BIAS_TANH_AVR(P0, P1, P2, P3, R0, R1, D0, D1, SAVE_Z, S, SIG)  \
    "lpm " D0 ", Z+\n\t"                                                     \
    "lpm " D1 ", Z+\n\t"                                                     \
    SAVE_Z                                                                   \
    FGC_ADD16_CHECK_AVR(P0, P1, P2, P3, D0, D1, "r30", "6f")                 \
    "brne 6f\n\t"                                                            \
    ".if " S "\n\t"                                                          \
    ".rept " S " - 1\n\t"                                                    \
    "asr " P1 "\n\t"                                                         \
    "ror " P0 "\n\t"                                                         \
    ".endr\n\t"                                                              \
    "andi " P0 ", 0xFE\n\t"                                                  \
    "mov " D0 ", " P1 "\n\t"                                                 \
    "subi " D0 ", 0xFE\n\t" /* + 2 */                                        \
    "cpi " D0 ", 4\n\t"                                                      \
    "brsh 5f\n\t"                                                            \
    ".else\n\t"                                                              \
    "mov " D0 ", " P1 "\n\t"                                                 \
    "subi " D0 ", 0xFF\n\t" /* + 1: s itself within -256 .. 255 */           \
    "cpi " D0 ", 2\n\t"                                                      \
    "brsh 5f\n\t"                                                            \
    "lsl " P0 "\n\t"                                                         \
    "rol " P1 "\n\t"                                                         \
    ".endif\n\t"                                                             \
    "ldi r30, lo8(%[tab] + 512)\n\t"                                         \
    "ldi r31, hi8(%[tab] + 512)\n\t"                                         \
    "add r30, " P0 "\n\t"                                                    \
    "adc r31, " P1 "\n\t"                                                    \
    "rjmp 8f\n"                                                              \
    "5:\n\t"                                                                 \
    "mov " P3 ", " P1 "\n"                                                   \
    "6:\n\t" /* past the ends: entry 511, or 0 for a negative sum */         \
    "ldi r30, lo8(%[tab] + 1022)\n\t"                                        \
    "ldi r31, hi8(%[tab] + 1022)\n\t"                                        \
    "sbrs " P3 ", 7\n\t"                                                     \
    "rjmp 8f\n\t"                                                            \
    "ldi r30, lo8(%[tab])\n\t"                                               \
    "ldi r31, hi8(%[tab])\n"                                                 \
    "8:\n\t"                                                                 \
    "lpm " R0 ", Z+\n\t"                                                     \
    "lpm " R1 ", Z\n\t"                                                      \
    ".if " SIG "\n\t" /* sigmoid: (16385 + t) >> 1, in 16 bits unsigned */   \
    "subi " R0 ", lo8(-16385)\n\t"                                           \
    "sbci " R1 ", hi8(-16385)\n\t"                                           \
    "lsr " R1 "\n\t"                                                         \
    "ror " R0 "\n\t"                                                         \
    ".endif\n\t"

/*
 * §3.7's FastGRNN loop (see fgc_q15_inline.h) with a sigmoid (SIG 1) or tanh gate (SIG 0) and a
 * tanh update, for fh from 12 to 15 (the blend's last shift, sc = 28 - fh, from 16 to 13), fp from
 * 6 to 12 (13 with a tanh gate: the indexes' shifts from 0 to 7) and constant zeta and nu (as
 * generated models have them), all in one loop of assembly: per hidden unit the pre-activation is loaded once, the gate's bias and tanh
 * (sigmoid's (16385 + t) >> 1 in it) and the update's are one block each, then the blend's block,
 * about 250 cycles (measured: 259 for USPS, 248 for synth-har's tanh gate). The pointers live in
 * r2-r11 (local register variables), the gate in r12:r13 and the update in r14:r15 while the blend
 * runs. Returns 0, having done nothing, for other formats
 * or zeta and nu that are not constants.
 */
FGC_INLINE int fgc_fastgrnn_cell_avr(int sig, const int32_t *pre, const int16_t *bg, const int16_t *bh, int fp,
                                     int32_t zeta, int32_t nu, int fh, uint16_t n, int16_t *h)
{
    int sg = fp - (sig ? 5 : 6); /* the gate's index shift (sigmoid halves its input) */
    if (fh < 12 || fh > 15 || fp < 6 || sg > 7 || !__builtin_constant_p(zeta) || !__builtin_constant_p(nu)
        || n == 0) {
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
                                           "movw r4, r30\n\t", "%[sg]", "%[sig]")
                         "movw r12, r20\n\t"
                         "movw r30, r6\n\t"
                         FGC_BIAS_TANH_AVR("r24", "r25", "r26", "r27", "r20", "r21", "r22", "r23",
                                           "movw r6, r30\n\t", "%[sc]", "0")
                         "movw r14, r20\n\t"
                         "movw r18, r12\n\t"
                         "movw r30, r8\n\t"
                         "ld r20, Z\n\t"
                         "ldd r21, Z+1\n\t"
                         FGC_BLEND_AVR("r14", "r15", FGC_NZ_IMMEDIATE_AVR, FGC_ADD_K_IMMEDIATE_AVR, "%[round]",
                                       "%[left]")
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
                         : "r"(r_end), [sig] "n"(sig ? 1 : 0), [sg] "n"(sg), [sc] "n"(fp - 6),
                           [round] "n"(256 - (1 << (19 - fh))), [left] "n"(fh - 12), [nz] "n"(-zeta), [mk] "n"(-(zeta + nu)),
                           [tab] "i"(fgc_tanh_table_q14), "m"(*(const int16_t(*)[512])fgc_tanh_table_q14)
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

#endif /* FGC_Q15_AVR_ELEMENTS_H */
