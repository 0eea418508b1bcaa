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
 * Thumb-2 (M3, M4, M7, M33): FastGRNN's element loop as one loop of assembly, for fp from 0 to 12
 * (GCC spills and rebuilds constants around the two table lookups; measured). The operands are
 * named: t0-t2 and t4 scratch, the gate's input in t1 and its value in t4, the update's input in t2
 * and its value in t1. A lookup is one SSAT and one load: SSAT clamps (x >> s) to 9 bits, and
 * since s <= 7 that clamp takes in sat16's, so the unsaturated sum of the bias and the
 * pre-activation (SSAT'd to 17 bits, which changes no sat16) goes in directly.
 */
FGC_INLINE int fgc_cell_t2_covers(int fp, int fh, int32_t zeta, int32_t nu, uint32_t n)
{
    int sc = 14 + 14 - fh;
    return fp >= 0 && fp <= 12 && sc >= 1 && sc <= 31 && zeta >= 0 && zeta <= 16384 && nu >= 0
           && nu <= 16384 && n >= 1 && n <= 16384;
}

/* §3.4's lookup of operand X (in Q(f), S the index's shift, from -6 to 7) in table TAB into R: tanh
 * with S = f - 6 in fgc_tanh_table_q14, sigmoid with S = f - 5 in fgc_sigmoid_table_q14 */
#define FGC_CELL_T2_LOOKUP(X, R, S, TAB)                                                                \
    ".if %c[" S "] > 0\n\t"                                                                         \
    "ssat %[t0], #9, %[" X "], asr #%c[" S "]\n\t"                                                  \
    ".else\n\t"                                                                                     \
    "ssat %[t0], #9, %[" X "], lsl #(-%c[" S "])\n\t"                                                 \
    ".endif\n\t"                                                                                    \
    "ldrsh %[" R "], [%[" TAB "], %[t0], lsl #1]\n\t"

/* sigmoid(x) = (16385 + tanh(x / 2)) >> 1, from the tanh in R (taken with S = f - 5) */
#define FGC_CELL_T2_SIGMOID(R)                                                                          \
    "add %[" R "], %[" R "], #16384\n\t"                                                            \
    "add %[" R "], %[" R "], #1\n\t"                                                                \
    "asr %[" R "], %[" R "], #1\n\t"

/* The loop over the units of pre, bg, bh, h (n of them, formats fp and fh, constants zeta and nu, all
 * in scope), with GATE the gate's code. The int16 arrays are read at negative offsets from their
 * ends, so that the loop's count sets the flags its branch tests. The blend's two rshifts add their
 * rounding constants in the multiply-accumulates (§2): |z * h| <= 2^29 and |coef * c| <= 3 * 2^28;
 * RSC names the operand holding the second one, 2^(27 - fh). The loop takes every register but the
 * stack pointer and pc: EXTRA is its last input, either that constant or, where fh = 14 makes it
 * the first one's 2^13 too, the sigmoid table's address for a gate that looks up its sigmoid. */
#define FGC_CELL_T2(GATE, RSC, EXTRA)                                                                   \
    do {                                                                                                \
        int32_t idx_ = -2 * (int32_t)n;                                                                 \
        uint32_t t0_, t1_, t2_, t4_;                                                                    \
        __asm__ volatile(                                                                               \
            ".syntax unified\n"                                                                        \
            "1:\n\t"                                                                                  \
            "ldr %[t0], [%[pre], %[i], lsl #1]\n\t"                                                   \
            "ldrsh %[t1], [%[bg], %[i]]\n\t"                                                          \
            "ssat %[t0], #17, %[t0]\n\t"                                                              \
            "ldrsh %[t2], [%[bh], %[i]]\n\t"                                                          \
            "add %[t1], %[t1], %[t0]\n\t"                                                             \
            "add %[t2], %[t2], %[t0]\n\t"                                                             \
            GATE                                                                                        \
            FGC_CELL_T2_LOOKUP("t2", "t1", "stanh", "tab")                                              \
            /* the blend: sat16(rshift(z * h, 14) + rshift(coef * c, sc)), coef = (k - zeta * z) >> 14 */ \
            "ldrsh %[t2], [%[h], %[i]]\n\t"                                                           \
            "mls %[t0], %[zeta], %[t4], %[k]\n\t"                                                     \
            "asr %[t0], %[t0], #14\n\t"                                                               \
            "mla %[t2], %[t4], %[t2], %[r14]\n\t"                                                     \
            "mla %[t0], %[t0], %[t1], %[" RSC "]\n\t"                                                 \
            "asr %[t0], %[t0], %[sc]\n\t"                                                             \
            "add %[t2], %[t0], %[t2], asr #14\n\t"                                                    \
            "ssat %[t2], #16, %[t2]\n\t"                                                              \
            "strh %[t2], [%[h], %[i]]\n\t"                                                            \
            "adds %[i], %[i], #2\n\t"                                                                 \
            "bne 1b"                                                                                    \
            : [i] "+r"(idx_), [t0] "=&r"(t0_), [t1] "=&r"(t1_), [t2] "=&r"(t2_), [t4] "=&r"(t4_)       \
            : [pre] "r"(pre + n), [bg] "r"(bg + n), [bh] "r"(bh + n), [h] "r"(h + n),                   \
              [tab] "r"(fgc_tanh_table_q14 + 256), [k] "r"((zeta + nu) * 16384 + 8192), [zeta] "r"(zeta), \
              [r14] "r"(8192), [ssig] "n"(fp - 5), [stanh] "n"(fp - 6), [sc] "I"(28 - fh), EXTRA          \
            : "cc", "memory");                                                                          \
    } while (0)
#define FGC_CELL_T2_RSC [rsc] "r"((int32_t)1 << (27 - fh))
#define FGC_CELL_T2_STAB [stab] "r"(fgc_sigmoid_table_q14 + 256)
#endif

#if defined(FGC_THUMB1_ASM)
/*
 * The Thumb-1 loop of the element loops below, hand-scheduled (GCC spends about ten instructions
 * more per element on moving pointers and constants between high and low registers; measured),
 * for a sigmoid (SIG 1) or tanh gate (SIG 0, a literal) and a tanh update, with pre, bg, bh, h, n,
 * fp, fh, zeta and nu in scope. A lookup's sum s = p + b is in the table's range when it fits 9 + S
 * bits (S the index's shift, from 0 to 7, so that range lies within sat16's); otherwise the index is
 * 255 or -256 by the sign of the exact sum: s's where s fits 16 bits, else p's (§3.3: a sum past
 * int16 has p's sign, and so has one that wrapped). With a sigmoid gate its (16385 + t) >> 1 is
 * kept as q = (t + 1) >> 1 and z = 8192 + q enters the blend as zeta * z = 8192 * zeta + zeta * q
 * (folded into the constant k) and z * h = q * h + (h << 13); a tanh gate's t is z itself.
 */
FGC_INLINE int fgc_cell_t1_covers(int fp, int fh, int32_t zeta, int32_t nu, uint32_t n)
{
    int sc = 14 + 14 - fh; /* the blend's shift, c in Q14 */
    return fp >= 6 && fp <= 12 && sc >= 2 && sc <= 31 && zeta >= 0 && zeta <= 16384 && nu >= 0 && nu <= 16384
           && n >= 1 && n <= 16384;
}

/* One lookup: the bias at BIAS (a high register) plus p (r2) into r3, its table entry into R; S names
 * the operand holding the index's shift and W the one holding 23 - S; OUT and BACK are the cold
 * path's labels. */
#define FGC_T1_LOOKUP(BIAS, R, S, W, OUT, BACK)                                                               \
    "mov r3, " BIAS "\n\t"                                                                                    \
    "ldrsh r3, [r3, r0]\n\t"                                                                                  \
    "adds r3, r3, r2\n\t"                                                                                     \
    "lsls r4, r3, #%c[" W "]\n\t"                                                                            \
    "asrs r4, r4, #%c[" W "]\n\t"                                                                                \
    "cmp r4, r3\n\t"                                                                                          \
    "bne " OUT "f\n\t"                                                                                        \
    ".if %c[" S "]\n\t"                                                                                      \
    "asrs r4, r4, #%c[" S "]\n\t"                                                                                \
    ".endif\n"                                                                                                \
    BACK ":\n\t"                                                                                              \
    "lsls r4, r4, #1\n\t"                                                                                     \
    "ldrsh " R ", [r6, r4]\n\t"

/* The cold path of FGC_T1_LOOKUP: the index 255 ^ sign (255 or -256), back to BACK. */
#define FGC_T1_LOOKUP_OUT(OUT, BACK)                                                                          \
    OUT ":\n\t"                                                                                               \
    "sxth r4, r3\n\t"                                                                                         \
    "cmp r4, r3\n\t"                                                                                          \
    "beq 1" OUT "f\n\t"                                                                                       \
    "movs r3, r2\n"                                                                                           \
    "1" OUT ":\n\t"                                                                                           \
    "asrs r4, r3, #31\n\t"                                                                                    \
    "movs r5, #255\n\t"                                                                                       \
    "eors r4, r5\n\t"                                                                                         \
    "b " BACK "b\n"

#define FGC_CELL_T1(SIG)                                                                                        \
    do {                                                                                                        \
        /* the int16 arrays are read at negative offsets from their ends, so that the loop's count              \
         * sets the flags its branch tests */                                                                   \
        register uint32_t r_i __asm__("r0") = 0u - 2u * n;                                                      \
        register const int32_t *r_pre __asm__("r1") = pre;                                                      \
        register const int16_t *r_tab __asm__("r6") = fgc_tanh_table_q14 + 256;                                 \
        register const int16_t *r_bg __asm__("r8") = bg + n;                                                    \
        register const int16_t *r_bh __asm__("r9") = bh + n;                                                    \
        register int16_t *r_h __asm__("r10") = h + n;                                                           \
        register int32_t r_k __asm__("r11") = (zeta + nu) * 16384 + 8192 - (SIG) * 8192 * zeta;                 \
        register int32_t r_zeta __asm__("r12") = -zeta;                                                         \
        __asm__ volatile(                                                                                       \
            ".syntax unified\n\t"                                                                               \
            "1:\n\t"                                                                                            \
            "ldm r1!, {r2}\n\t"                                                                                 \
            FGC_T1_LOOKUP("r8", "r7", "sg", "wg", "8", "2")                                                 \
            ".if %c[sig]\n\t"                                                                                   \
            "adds r7, #1\n\t"                                                                                   \
            "asrs r7, r7, #1\n\t"                                                                               \
            ".endif\n\t"                                                                                        \
            FGC_T1_LOOKUP("r9", "r2", "su", "wu", "9", "3")                                                 \
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
            "bne 6f\n"                                                                                          \
            "5:\n\t"                                                                                            \
            "strh r5, [r3, r0]\n\t"                                                                             \
            "adds r0, #2\n\t"                                                                                   \
            "bne 1b\n\t"                                                                                        \
            "b 7f\n\t"                                                                                          \
            FGC_T1_LOOKUP_OUT("8", "2")                                                                         \
            FGC_T1_LOOKUP_OUT("9", "3")                                                                         \
            "6:\n\t"                                                                                            \
            "asrs r5, r4, #31\n\t"                                                                              \
            "movs r7, #1\n\t"                                                                                   \
            "lsls r7, r7, #15\n\t"                                                                              \
            "subs r7, #1\n\t"                                                                                   \
            "eors r5, r7\n\t"                                                                                   \
            "b 5b\n"                                                                                            \
            "7:\n\t"                                                                                            \
            ".syntax divided"                                                                                   \
            : "+r"(r_i), "+r"(r_pre)                                                                            \
            : "r"(r_tab), "r"(r_bg), "r"(r_bh), "r"(r_h), "r"(r_k), "r"(r_zeta), [sig] "I"(SIG),                \
              [sg] "I"(fp - 5 - !(SIG)), [wg] "I"(23 - (fp - 5 - !(SIG))), [su] "I"(fp - 6), [wu] "I"(23 - (fp - 6)), \
              [sc1] "I"(27 - fh)                                                                                \
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
        if (fh == 14) {
            FGC_CELL_T2(FGC_CELL_T2_LOOKUP("t1", "t4", "ssig", "stab"), "r14", FGC_CELL_T2_STAB);
        } else {
            FGC_CELL_T2(FGC_CELL_T2_LOOKUP("t1", "t4", "ssig", "tab") FGC_CELL_T2_SIGMOID("t4"), "rsc",
                        FGC_CELL_T2_RSC);
        }
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
        FGC_CELL_T2(FGC_CELL_T2_LOOKUP("t1", "t4", "stanh", "tab"), "rsc", FGC_CELL_T2_RSC);
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
