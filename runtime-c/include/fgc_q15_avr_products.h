/*
 * fgc runtime, part of fgc_q15_avr.h (include fgc_q15_inline.h, not this): §3.2's products on
 * AVR, dense int8 matrices in groups of three rows, int16 ones into 48-bit sums, compressed rows.
 */
#ifndef FGC_Q15_AVR_PRODUCTS_H
#define FGC_Q15_AVR_PRODUCTS_H

#ifndef FGC_Q15_AVR_H
#error "include fgc_q15_inline.h"
#endif

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

/* n * 0x808000 modulo 2^32, the sum of the offsets that flipping the top bit of each product's two
 * bytes adds (FGC_SPDOT_Q7_AVR_TAIL): x + (x << 8) for x = n << 15, in bytes (GCC would call a
 * multiplication). */
FGC_INLINE uint32_t fgc_flip_bias_q7_avr(uint16_t n)
{
    uint32_t bias;
    __asm__("clr %A0\n\t"
            "clr %B0\n\t"
            "mov %C0, %A1\n\t"
            "mov %D0, %B1\n\t"
            "lsr %D0\n\t"
            "ror %C0\n\t"
            "ror %B0\n\t"
            "add %D0, %C0\n\t"
            "add %C0, %B0\n\t"
            "adc %D0, __zero_reg__"
            : "=&r"(bias)
            : "r"(n));
    return bias;
}

FGC_INLINE int32_t fgc_spdot_q7_avr(const void **idx, const int8_t **val, const int16_t *v, uint16_t n, int wide,
                                     uint32_t start)
{
#if !defined(__OPTIMIZE__)
    int32_t sum = (int32_t)start;
    for (; n > 0; n--) {
        sum += (int32_t)FGC_ROM_I8((*val)++) * v[fgc_column_avr(idx, wide)];
    }
    return sum;
#else
    uint32_t acc = start - fgc_flip_bias_q7_avr(n);
    const void *ip = *idx;
    const int8_t *vp = *val;
    const int8_t *end = vp + n;
    if (n == 0) {
        return (int32_t)start;
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

/* Whether a compressed row's int8 sum starts at 2^(s-1): for a constant s from 1 to 15, where §3.2
 * bounds the sum so that it is exact */
#define FGC_SP_HALF_FIRST_Q7_AVR(s) (__builtin_constant_p(s) && (s) >= 1 && (s) <= 15)

FGC_INLINE uint32_t fgc_sp_start_q7_avr(int s)
{
    return FGC_SP_HALF_FIRST_Q7_AVR(s) ? 1ul << (s - 1) : 0u;
}

/* rshift(a, s) of a row begun at fgc_sp_start_q7_avr */
FGC_INLINE int32_t fgc_sp_end_q7_avr(int32_t a, int s)
{
    return FGC_SP_HALF_FIRST_Q7_AVR(s) ? fgc_asr_avr(a, s) : fgc_rshift32(a, s);
}

/* y = d, or d added to y (acc 1 saturating, 2 plain, where the caller proved no saturation can act) */
FGC_INLINE void fgc_sp_store_q7_avr(int32_t *y, int32_t d, int acc)
{
    *y = acc == 0 ? d : acc == 1 ? fgc_add_sat32_avr(*y, d) : *y + d;
}

/*
 * §3.2 over compressed rows with int8 values (fgc_sparse.h): y[r] = rshift(row . v, s), or added to
 * y[r] (acc 1 saturating, 2 plain, where the caller proved no saturation can act). With a constant s
 * from 1 to 15 the sum starts at 2^(s-1) (exact: §3.2 bounds it then) and ends with whole-byte
 * moves and a few bit shifts, not a run-time shift of four bytes per bit.
 */
FGC_INLINE void fgc_spmv_q7_avr(const uint16_t *counts, const void *idx, const int8_t *val, const int16_t *v,
                                uint16_t rows, int s, int acc, int wide, int32_t *y)
{
    uint32_t start = fgc_sp_start_q7_avr(s);
    uint16_t r;
    for (r = 0; r < rows; r++) {
        int32_t a = fgc_spdot_q7_avr(&idx, &val, v, FGC_ROM_U16(counts + r), wide, start);
        fgc_sp_store_q7_avr(y + r, fgc_sp_end_q7_avr(a, s), acc);
    }
}

/*
 * The same over FGC_SPARSE_PAIRS storage (fgc_q15.h), at most 128 columns: one stream that Z walks,
 * per row its count of non-zeros (two bytes), then each non-zero's 2 * column and value bytes. A
 * non-zero is two LPM, the input's address (one addition), two loads and two multiplications whose 16-bit
 * products are added sign-extended (the carry after MULS and MULSU is the product's sign): 29
 * cycles, and the sum needs no correction.
 */
FGC_INLINE int32_t fgc_spdot_pairs_avr(const uint8_t **stream, const int16_t *v, uint32_t start)
{
    const uint8_t *p = *stream;
    uint8_t n = FGC_ROM_U8(p); /* at most 128: the count's high byte is 0 */
    uint32_t sum = start;
    p += 2;
#if defined(__OPTIMIZE__)
    if (n != 0) {
        __asm__ volatile("clr r19\n"
                         "1:\n\t"
                         "lpm r21, Z+\n\t"
                         "lpm r20, Z+\n\t"
                         "movw r26, %[v]\n\t"
                         "add r26, r21\n\t"
                         "adc r27, r19\n\t"
                         "ld r21, X+\n\t"
                         "ld r22, X\n\t"
                         "mulsu r20, r21\n\t"
                         "sbc r18, r18\n\t"
                         "add %A[sum], r0\n\t"
                         "adc %B[sum], r1\n\t"
                         "adc %C[sum], r18\n\t"
                         "adc %D[sum], r18\n\t"
                         "muls r20, r22\n\t"
                         "sbc r18, r18\n\t"
                         "add %B[sum], r0\n\t"
                         "adc %C[sum], r1\n\t"
                         "adc %D[sum], r18\n\t"
                         "dec %[n]\n\t"
                         "brne 1b\n\t"
                         "clr __zero_reg__"
                         : [sum] "+r"(sum), [n] "+r"(n), "+z"(p)
                         : [v] "r"(v)
                         : "r0", "r18", "r19", "r20", "r21", "r22", "r26", "r27", "memory");
    }
#else
    for (; n > 0; n--, p += 2) {
        sum += (uint32_t)((int32_t)(int8_t)FGC_ROM_U8(p + 1) * v[FGC_ROM_U8(p) >> 1]);
    }
#endif
    *stream = p;
    return (int32_t)sum;
}

FGC_INLINE void fgc_spmv_q7_pairs_avr(const uint8_t *stream, const int16_t *v, uint16_t rows, int s, int acc,
                                      int32_t *y)
{
    uint32_t start = fgc_sp_start_q7_avr(s);
    uint16_t r;
    for (r = 0; r < rows; r++) {
        fgc_sp_store_q7_avr(y + r, fgc_sp_end_q7_avr(fgc_spdot_pairs_avr(&stream, v, start), s), acc);
    }
}
#define fgc_spmv_q7_q15_pairs_inl(p, x, rows, s, acc, y) fgc_spmv_q7_pairs_avr(p, x, rows, s, acc, y)

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

#endif /* FGC_Q15_AVR_PRODUCTS_H */
