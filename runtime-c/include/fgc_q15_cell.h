/*
 * fgc runtime, part of fgc_q15_inline.h (include that, not this): §3.7's FastGRNN element loop
 * (bias, sigmoid, tanh and blend per hidden unit), in Thumb-1 assembly on Cortex-M0, Thumb-2
 * assembly on the other Cortex-M cores and AVR assembly on AVR.
 */
#ifndef FGC_Q15_CELL_H
#define FGC_Q15_CELL_H

#ifndef FGC_Q15_INLINE_H
#error "include fgc_q15_inline.h"
#endif

/* ------------------------------------------------------------------------- §3.7 element loop */

#if defined(FGC_THUMB2_ASM)
/*
 * Thumb-2 (M3, M4, M7, M33): FastGRNN's element loop as one loop of assembly, for fp from -2 to 12
 * (GCC spills and rebuilds constants around the two table lookups: measured on USPS, 64
 * instructions a unit on the M3 and 55 on the M4; this loop takes 49). The operands are named:
 * t0-t4 scratch, the gate's input in t1 and its value in t4, the update's input in t2 and its value
 * in t1. Each lookup reads T[k] and T[k+1] with one unaligned word load; |x| in Q13 is saturated to
 * 65535 by USAT, which gives T[255] + 0 = 16384 for every |x| >= 8 as §3.4 does.
 */
FGC_INLINE int fgc_cell_t2_covers(int fp, int fh, int32_t zeta, int32_t nu, uint32_t n)
{
    int sc = 14 + 14 - fh;
    return fp >= -2 && fp <= 12 && sc >= 1 && sc <= 31 && zeta >= 0 && zeta <= 16384 && nu >= 0
           && nu <= 16384 && n >= 1 && n <= 16384;
}

/* §3.4's tanh of operand X (q15 in Q(f), SH = 13 - f as the shift to Q13) into R, signed */
#define FGC_CELL_T2_TANH(X, R, SH)                                                                      \
    "eor %[t0], %[" X "], %[" X "], asr #31\n\t"                                                    \
    "sub %[t0], %[t0], %[" X "], asr #31\n\t"                                                       \
    "usat %[t0], #16, %[t0], lsl %[" SH "]\n\t"                                                     \
    "lsr %[t3], %[t0], #8\n\t"                                                                      \
    "ldr %[t3], [%[tab], %[t3], lsl #1]\n\t"                                                        \
    "uxtb %[t0], %[t0]\n\t"                                                                         \
    "uxth %[" R "], %[t3]\n\t"                                                                      \
    "rsb %[t3], %[" R "], %[t3], lsr #16\n\t"                                                       \
    "mla %[t3], %[t3], %[t0], %[r128]\n\t"                                                          \
    "add %[" R "], %[" R "], %[t3], asr #8\n\t"                                                     \
    "eor %[" R "], %[" R "], %[" X "], asr #31\n\t"                                                 \
    "sub %[" R "], %[" R "], %[" X "], asr #31\n\t"

/* sigmoid(x) = (16385 + tanh(x / 2)) >> 1, from the tanh in R (taken with SH = 12 - f) */
#define FGC_CELL_T2_SIGMOID(R)                                                                          \
    "add %[" R "], %[" R "], #16384\n\t"                                                            \
    "add %[" R "], %[" R "], #1\n\t"                                                                \
    "asr %[" R "], %[" R "], #1\n\t"

/* The loop over the units of pre, bg, bh, h (n of them, formats fp and fh, constants zeta and nu, all
 * in scope), with GATE the gate's code. The int16 arrays are read at negative offsets from their
 * ends, so that the loop's count sets the flags its branch tests. */
#define FGC_CELL_T2(GATE)                                                                               \
    do {                                                                                                \
        int32_t idx_ = -2 * (int32_t)n;                                                                 \
        uint32_t t0_, t1_, t2_, t3_, t4_;                                                               \
        __asm__ volatile(                                                                               \
            ".syntax unified\n"                                                                        \
            "1:\n\t"                                                                                  \
            "ldr %[t0], [%[pre], %[i], lsl #1]\n\t"                                                   \
            "ldrsh %[t1], [%[bg], %[i]]\n\t"                                                          \
            "ssat %[t0], #17, %[t0]\n\t"                                                              \
            "ldrsh %[t2], [%[bh], %[i]]\n\t"                                                          \
            "add %[t1], %[t1], %[t0]\n\t"                                                             \
            "add %[t2], %[t2], %[t0]\n\t"                                                             \
            "ssat %[t1], #16, %[t1]\n\t"                                                              \
            "ssat %[t2], #16, %[t2]\n\t"                                                              \
            GATE                                                                                        \
            FGC_CELL_T2_TANH("t2", "t1", "lc")                                                          \
            /* the blend: sat16(rshift(z * h, 14) + rshift(coef * c, sc)), coef = (k - zeta * z) >> 14 */ \
            "ldrsh %[t2], [%[h], %[i]]\n\t"                                                           \
            "mls %[t0], %[zeta], %[t4], %[k]\n\t"                                                     \
            "asr %[t0], %[t0], #14\n\t"                                                               \
            "mul %[t2], %[t4], %[t2]\n\t"                                                             \
            "mul %[t0], %[t0], %[t1]\n\t"                                                             \
            "ubfx %[t3], %[t2], #13, #1\n\t"                                                          \
            "add %[t2], %[t3], %[t2], asr #14\n\t"                                                    \
            "ubfx %[t3], %[t0], %[sc1], #1\n\t"                                                       \
            "add %[t0], %[t3], %[t0], asr %[sc]\n\t"                                                  \
            "add %[t2], %[t2], %[t0]\n\t"                                                             \
            "ssat %[t2], #16, %[t2]\n\t"                                                              \
            "strh %[t2], [%[h], %[i]]\n\t"                                                            \
            "adds %[i], %[i], #2\n\t"                                                                 \
            "bne 1b"                                                                                    \
            : [i] "+r"(idx_), [t0] "=&r"(t0_), [t1] "=&r"(t1_), [t2] "=&r"(t2_), [t3] "=&r"(t3_),      \
              [t4] "=&r"(t4_)                                                                           \
            : [pre] "r"(pre + n), [bg] "r"(bg + n), [bh] "r"(bh + n), [h] "r"(h + n),                   \
              [tab] "r"(fgc_tanh_table_q14), [k] "r"((zeta + nu) * 16384 + 8192), [zeta] "r"(zeta),     \
              [r128] "r"(128), [lz] "I"(12 - fp), [lc] "I"(13 - fp), [sc] "I"(28 - fh), [sc1] "I"(27 - fh) \
            : "cc", "memory");                                                                          \
    } while (0)
#endif

#if defined(FGC_THUMB1_ASM)
/*
 * The Thumb-1 loop of the element loops below, hand-scheduled (GCC spends about ten instructions
 * more per element on moving pointers and constants between high and low registers; measured),
 * for a sigmoid (SIG 1) or tanh gate (SIG 0, a literal) and a tanh update, with pre, bg, bh, h, n,
 * fp, fh, zeta and nu in scope. With a sigmoid gate its (16385 + t) >> 1 is kept as
 * q = (t + 1) >> 1 and z = 8192 + q enters the blend as zeta * z = 8192 * zeta + zeta * q (folded
 * into the constant k) and z * h = q * h + (h << 13); a tanh gate's t is z itself.
 */
FGC_INLINE int fgc_cell_t1_covers(int fp, int fh, int32_t zeta, int32_t nu, uint32_t n)
{
    int sc = 14 + 14 - fh; /* the blend's shift, c in Q14 */
    return fp >= -2 && fp <= 12 && sc >= 2 && sc <= 31 && zeta >= 0 && zeta <= 16384 && nu >= 0 && nu <= 16384
           && n >= 1 && n <= 16384;
}
#define FGC_CELL_T1(SIG)                                                                                        \
    do {                                                                                                        \
        /* the int16 arrays are read at negative offsets from their ends, so that the loop's count              \
         * sets the flags its branch tests */                                                                   \
        register uint32_t r_i __asm__("r0") = 0u - 2u * n;                                                      \
        register const int32_t *r_pre __asm__("r1") = pre;                                                      \
        register const uint16_t *r_tab __asm__("r6") = (const uint16_t *)fgc_tanh_table_q14;                    \
        register const int16_t *r_bg __asm__("r8") = bg + n;                                                    \
        register const int16_t *r_bh __asm__("r9") = bh + n;                                                    \
        register int16_t *r_h __asm__("r10") = h + n;                                                           \
        register int32_t r_k __asm__("r11") = (zeta + nu) * 16384 + 8192 - (SIG) * 8192 * zeta;                 \
        register int32_t r_zeta __asm__("r12") = -zeta;                                                         \
        __asm__ volatile(                                                                                       \
            ".syntax unified\n\t"                                                                               \
            "1:\n\t"                                                                                            \
            "ldm r1!, {r2}\n\t"                                                                                 \
            "mov r3, r8\n\t"                                                                                    \
            "ldrsh r3, [r3, r0]\n\t"                                                                            \
            "adds r3, r3, r2\n\t"                                                                               \
            "sxth r4, r3\n\t"                                                                                   \
            "cmp r4, r3\n\t"                                                                                    \
            "bne 8f\n"                                                                                          \
            "2:\n\t"                                                                                            \
            "asrs r5, r4, #31\n\t"                                                                              \
            "eors r4, r5\n\t"                                                                                   \
            "subs r4, r4, r5\n\t"                                                                               \
            "lsls r4, r4, %[lz]\n\t"                                                                            \
            "lsrs r3, r4, #16\n\t"                                                                              \
            "bne 9f\n\t"                                                                                        \
            "lsrs r3, r4, #8\n\t"                                                                               \
            "lsls r3, r3, #1\n\t"                                                                               \
            "ldrh r7, [r6, r3]\n\t"                                                                             \
            "adds r3, #2\n\t"                                                                                   \
            "ldrh r3, [r6, r3]\n\t"                                                                             \
            "uxtb r4, r4\n\t"                                                                                   \
            "subs r3, r3, r7\n\t"                                                                               \
            "muls r3, r4\n\t"                                                                                   \
            "adds r3, #128\n\t"                                                                                 \
            "asrs r3, r3, #8\n\t"                                                                               \
            "adds r7, r7, r3\n"                                                                                 \
            "3:\n\t"                                                                                            \
            "eors r7, r5\n\t"                                                                                   \
            "subs r7, r7, r5\n\t"                                                                               \
            ".if %c[sig]\n\t"                                                                                   \
            "adds r7, #1\n\t"                                                                                   \
            "asrs r7, r7, #1\n\t"                                                                               \
            ".endif\n\t"                                                                                        \
            "mov r3, r9\n\t"                                                                                    \
            "ldrsh r3, [r3, r0]\n\t"                                                                            \
            "adds r3, r3, r2\n\t"                                                                               \
            "sxth r4, r3\n\t"                                                                                   \
            "cmp r4, r3\n\t"                                                                                    \
            "bne 10f\n"                                                                                         \
            "4:\n\t"                                                                                            \
            "asrs r5, r4, #31\n\t"                                                                              \
            "eors r4, r5\n\t"                                                                                   \
            "subs r4, r4, r5\n\t"                                                                               \
            "lsls r4, r4, %[lc]\n\t"                                                                            \
            "lsrs r3, r4, #16\n\t"                                                                              \
            "bne 11f\n\t"                                                                                       \
            "lsrs r3, r4, #8\n\t"                                                                               \
            "lsls r3, r3, #1\n\t"                                                                               \
            "ldrh r2, [r6, r3]\n\t"                                                                             \
            "adds r3, #2\n\t"                                                                                   \
            "ldrh r3, [r6, r3]\n\t"                                                                             \
            "uxtb r4, r4\n\t"                                                                                   \
            "subs r3, r3, r2\n\t"                                                                               \
            "muls r3, r4\n\t"                                                                                   \
            "adds r3, #128\n\t"                                                                                 \
            "asrs r3, r3, #8\n\t"                                                                               \
            "adds r2, r2, r3\n"                                                                                 \
            "5:\n\t"                                                                                            \
            "eors r2, r5\n\t"                                                                                   \
            "subs r2, r2, r5\n\t"                                                                               \
            "mov r4, r12\n\t"                                                                                   \
            "muls r4, r7\n\t"                                                                                   \
            "add r4, r11\n\t"                                                                                   \
            "asrs r4, r4, #14\n\t"                                                                              \
            "muls r4, r2\n\t"                                                                                   \
            "asrs r4, r4, %[sc1]\n\t"                                                                           \
            "adds r4, #1\n\t"                                                                                   \
            "asrs r4, r4, #1\n\t"                                                                               \
            "mov r3, r10\n\t"                                                                                   \
            "ldrsh r5, [r3, r0]\n\t"                                                                            \
            "muls r7, r5\n\t"                                                                                   \
            ".if %c[sig]\n\t"                                                                                   \
            "lsls r5, r5, #13\n\t"                                                                              \
            "adds r7, r7, r5\n\t"                                                                               \
            ".endif\n\t"                                                                                        \
            "asrs r7, r7, #13\n\t"                                                                              \
            "adds r7, #1\n\t"                                                                                   \
            "asrs r7, r7, #1\n\t"                                                                               \
            "adds r4, r4, r7\n\t"                                                                               \
            "sxth r5, r4\n\t"                                                                                   \
            "cmp r5, r4\n\t"                                                                                    \
            "bne 12f\n"                                                                                         \
            "6:\n\t"                                                                                            \
            "strh r5, [r3, r0]\n\t"                                                                             \
            "adds r0, #2\n\t"                                                                                   \
            "bne 1b\n\t"                                                                                        \
            "b 7f\n"                                                                                            \
            "8:\n\t"                                                                                            \
            "asrs r4, r2, #31\n\t"                                                                              \
            "movs r5, #1\n\t"                                                                                   \
            "lsls r5, r5, #15\n\t"                                                                              \
            "subs r5, #1\n\t"                                                                                   \
            "eors r4, r5\n\t"                                                                                   \
            "b 2b\n"                                                                                            \
            "9:\n\t"                                                                                            \
            "movs r7, #1\n\t"                                                                                   \
            "lsls r7, r7, #14\n\t"                                                                              \
            "b 3b\n"                                                                                            \
            "10:\n\t"                                                                                           \
            "asrs r4, r2, #31\n\t"                                                                              \
            "movs r5, #1\n\t"                                                                                   \
            "lsls r5, r5, #15\n\t"                                                                              \
            "subs r5, #1\n\t"                                                                                   \
            "eors r4, r5\n\t"                                                                                   \
            "b 4b\n"                                                                                            \
            "11:\n\t"                                                                                           \
            "movs r2, #1\n\t"                                                                                   \
            "lsls r2, r2, #14\n\t"                                                                              \
            "b 5b\n"                                                                                            \
            "12:\n\t"                                                                                           \
            "asrs r5, r4, #31\n\t"                                                                              \
            "movs r7, #1\n\t"                                                                                   \
            "lsls r7, r7, #15\n\t"                                                                              \
            "subs r7, #1\n\t"                                                                                   \
            "eors r5, r7\n\t"                                                                                   \
            "b 6b\n"                                                                                            \
            "7:\n\t"                                                                                            \
            ".syntax divided"                                                                                   \
            : "+r"(r_i), "+r"(r_pre)                                                                            \
            : "r"(r_tab), "r"(r_bg), "r"(r_bh), "r"(r_h), "r"(r_k), "r"(r_zeta), [sig] "I"(SIG),                \
              [lz] "I"(13 - (SIG) - fp),                                                                        \
              [lc] "I"(13 - fp), [sc1] "I"(27 - fh)                                                              \
            : "r2", "r3", "r4", "r5", "r7", "cc", "memory");                                                    \
    } while (0)
#endif

/*
 * FastGRNN's element loop with a sigmoid gate and a tanh update, for i < n:
 *   z = sigmoid(bias(pre[i], bg[i]), fp), c = tanh(bias(pre[i], bh[i]), fp) (both Q14),
 *   h[i] = blend(z, 14, c, 14, zeta, nu, fh, h[i])
 * exactly as the element functions compute them (§3.3-§3.5). Thumb-1 runs FGC_CELL_T1 for the
 * formats it covers: fp, fh, zeta, nu and n must be compile-time constants there (asm immediates);
 * without optimisation the portable loop runs.
 */
FGC_INLINE void fgc_fastgrnn_sigmoid_tanh_q15_inl(const int32_t *pre, const int16_t *bg, const int16_t *bh, int fp,
                                                  int32_t zeta, int32_t nu, int fh, uint32_t n, int16_t *h)
{
    uint32_t i;
#if defined(FGC_THUMB1_ASM)
    if (fgc_cell_t1_covers(fp, fh, zeta, nu, n)) {
        FGC_CELL_T1(1);
        return;
    }
#elif defined(FGC_THUMB2_ASM)
    if (fgc_cell_t2_covers(fp, fh, zeta, nu, n)) {
        FGC_CELL_T2(FGC_CELL_T2_TANH("t1", "t4", "lz") FGC_CELL_T2_SIGMOID("t4"));
        return;
    }
#elif defined(__AVR__) && defined(__OPTIMIZE__) /* unoptimised builds lack the registers its assembly needs */
    if (fgc_fastgrnn_cell_avr(1, pre, bg, bh, fp, zeta, nu, fh, (uint16_t)n, h)) {
        return;
    }
#endif
    for (i = 0; i < n; i++) {
        /* the biases are constants: in program memory on AVR */
        int32_t z = fgc_sigmoid_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bg + i)), fp);
        int32_t c = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bh + i)), fp);
        h[i] = (int16_t)fgc_fastgrnn_blend_bounded_q15_el(z, 14, c, 14, zeta, nu, fh, h[i]);
    }
}

/* The same loop with a tanh gate (z = tanh(bias(pre[i], bg[i]), fp), in [-1, 1], so the blend's
 * int32 form holds as for sigmoid): assembly on Thumb-2, portable C elsewhere. */
FGC_INLINE void fgc_fastgrnn_tanh_tanh_q15_inl(const int32_t *pre, const int16_t *bg, const int16_t *bh, int fp,
                                               int32_t zeta, int32_t nu, int fh, uint32_t n, int16_t *h)
{
    uint32_t i;
#if defined(FGC_THUMB1_ASM)
    if (fgc_cell_t1_covers(fp, fh, zeta, nu, n)) {
        FGC_CELL_T1(0);
        return;
    }
#elif defined(FGC_THUMB2_ASM)
    if (fgc_cell_t2_covers(fp, fh, zeta, nu, n)) {
        FGC_CELL_T2(FGC_CELL_T2_TANH("t1", "t4", "lc"));
        return;
    }
#elif defined(__AVR__) && defined(__OPTIMIZE__)
    if (fgc_fastgrnn_cell_avr(0, pre, bg, bh, fp, zeta, nu, fh, (uint16_t)n, h)) {
        return;
    }
#endif
    for (i = 0; i < n; i++) {
        int32_t z = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bg + i)), fp);
        int32_t c = fgc_tanh_q15_el(fgc_bias_q15_el(pre[i], FGC_ROM_I16(bh + i)), fp);
        h[i] = (int16_t)fgc_fastgrnn_blend_bounded_q15_el(z, 14, c, 14, zeta, nu, fh, h[i]);
    }
}

#endif /* FGC_Q15_CELL_H */
