/*
 * fgc runtime, part of fgc_q15_inline.h (include that, not this): §3.2's matrix-vector products,
 * one row at a time and whole (AVR has its own, in fgc_q15_avr.h).
 */
#ifndef FGC_Q15_PRODUCTS_H
#define FGC_Q15_PRODUCTS_H

#ifndef FGC_Q15_INLINE_H
#error "include fgc_q15_inline.h"
#endif

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

/* The inputs v[0..3] as SMLAD pairs them with a swapped chunk of weights (fgc_q15.h): (v0, v1) and
 * (v2, v3), as they lie */
FGC_INLINE void fgc_pair4_q15(const int16_t *v, int32_t *v01, int32_t *v23)
{
    memcpy(v01, v, 4);
    memcpy(v23, v + 2, 4);
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
 * Every row's start (biased or not) also holds rshift's rounding constant 2^(s-1) for 1 <= s <= 15,
 * so the end of a row is one arithmetic shift: §3.2's bound sum_c |w[c]| * 2^15 < 2^31 makes
 * |sum| <= 2^31 - 2^15 (a multiple of 2^15), so sum + 2^(s-1) still fits int32 and
 * rshift(sum, s) = (sum + 2^(s-1)) >> s.
 */
#define FGC_ROUND_IN_START(s) ((s) >= 1 && (s) <= 15)

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
/* acc + m[0..3] . v[0..3] with two SMLADs: SXTB16 sign-extends the swapped chunk's bytes 0 and 2
 * (w0, w1) and bytes 1 and 3 (w2, w3) into halfword pairs, against the inputs paired by
 * fgc_pair4_q15. The weights are one memcpy load because rows need not be word-aligned (these
 * cores allow unaligned LDR). */
FGC_INLINE uint32_t fgc_dot4_q7_q15(const fgc_w8_t *m, int32_t v01, int32_t v23, uint32_t acc)
{
    int32_t w;
    memcpy(&w, m, 4);
    acc = (uint32_t)__smlad(__sxtb16(w), v01, (int32_t)acc);
    return (uint32_t)__smlad(fgc_sxtb16_ror8(w), v23, (int32_t)acc);
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
        int32_t v01, v23;
        fgc_pair4_q15(v + c, &v01, &v23);
        acc = fgc_dot4_q7_q15(m + c, v01, v23, acc);
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
 * SMLAD, FGC_ROWS_T2's loop holds five rows in registers; GCC's (unoptimised builds, or fewer than
 * eight columns) spills with five, not with three, and a product of up to five rows still goes in
 * one block (measured).
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
#elif defined(FGC_SMLAD_Q7) && defined(FGC_THUMB2_ASM)
    return cols >= 8 || rows <= 5 ? 5 : 3; /* FGC_ROWS_T2 holds five rows in registers */
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
    if (y16 != NULL) {
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

#if defined(FGC_SMLAD_Q7) && defined(FGC_THUMB2_ASM)
/* One chunk of four columns for n rows (1 to 5) of cols columns: the two input pairs and row 0's
 * weights are loaded with post-increment, the other rows' at their offsets from there. */
#define FGC_CHUNK_T2                                                                                    \
    "ldr %[a], [%[vp]], #4\n\t"                                                                       \
    "ldr %[b], [%[vp]], #4\n\t"                                                                       \
    "ldr %[w], [%[mp]], #4\n\t"                                                                       \
    "sxtb16 %[x], %[w]\n\t"                                                                           \
    "smlad %[d0], %[x], %[a], %[d0]\n\t"                                                              \
    "sxtb16 %[x], %[w], ror #8\n\t"                                                                   \
    "smlad %[d0], %[x], %[b], %[d0]\n\t"                                                              \
    FGC_CHUNK_T2_ROW("1") FGC_CHUNK_T2_ROW("2") FGC_CHUNK_T2_ROW("3") FGC_CHUNK_T2_ROW("4")
#define FGC_CHUNK_T2_ROW(R)                                                                             \
    ".if %c[n] > " R "\n\t"                                                                           \
    "ldr %[w], [%[mp], #(" R " * %c[cols] - 4)]\n\t"                                                  \
    "sxtb16 %[x], %[w]\n\t"                                                                           \
    "smlad %[d" R "], %[x], %[a], %[d" R "]\n\t"                                                      \
    "sxtb16 %[x], %[w], ror #8\n\t"                                                                   \
    "smlad %[d" R "], %[x], %[b], %[d" R "]\n\t"                                                      \
    ".endif\n\t"

/* The chunks (a multiple of four columns, at least eight) of n rows from m into d0-d4, two chunks a
 * pass and an odd one first: 27 instructions a chunk of five rows and 1 for the loop, where GCC's
 * loop takes 30 (it keeps an index and compares with an end it reloads; measured). */
#define FGC_ROWS_T2(M, V, N, COLS, CHUNKS, D0, D1, D2, D3, D4)                                          \
    do {                                                                                                \
        const fgc_w8_t *mp_ = (M);                                                                      \
        const int16_t *vp_ = (V);                                                                       \
        int32_t a_, b_, w_, x_, k_;                                                                     \
        __asm__(".syntax unified\n\t"                                                                 \
                "mov %[k], %[passes]\n\t" /* a constant: GCC would keep it on the stack */            \
                ".if %c[odd]\n\t" FGC_CHUNK_T2 ".endif\n"                                            \
                "1:\n\t" FGC_CHUNK_T2 FGC_CHUNK_T2                                                    \
                "subs %[k], %[k], #1\n\t"                                                             \
                "bne 1b"                                                                                \
                : [d0] "+r"(D0), [d1] "+r"(D1), [d2] "+r"(D2), [d3] "+r"(D3), [d4] "+r"(D4), [k] "=&r"(k_), \
                  [mp] "+r"(mp_), [vp] "+r"(vp_), [a] "=&r"(a_), [b] "=&r"(b_), [w] "=&r"(w_), [x] "=&r"(x_) \
                : [n] "n"(N), [cols] "n"(COLS), [odd] "n"((CHUNKS) / 4 % 2), [passes] "I"((CHUNKS) / 8),  \
                  "m"(*(const fgc_w8_t(*)[(N) * (COLS)])(M)), "m"(*(const int16_t(*)[CHUNKS])(V))       \
                : "cc");                                                                                \
    } while (0)
#endif

/* n rows (1 to 5) at once from row r0, column by column (chunk by chunk with SMLAD); every sum
 * begins at start (fgc_row_start_q7) */
FGC_INLINE void fgc_rows_q7_q15(const fgc_w8_t *m, const int16_t *v, uint32_t n, uint32_t cols, int s, int acc,
                                uint32_t start, int32_t *y, int16_t *y16, uint32_t r0)
{
    uint32_t d0 = start, d1 = start, d2 = start, d3 = start, d4 = start;
    uint32_t c;
#if defined(FGC_SMLAD_Q7)
    uint32_t chunks = cols - cols % 4; /* the columns SMLAD takes, four at a time */
    uint32_t k = chunks / 4;
#if defined(FGC_THUMB2_ASM)
    if (__builtin_constant_p(n) && __builtin_constant_p(cols) && chunks >= 8 && cols <= 1024) {
        FGC_ROWS_T2(m, v, n, cols, chunks, d0, d1, d2, d3, d4);
        k = 0;
    }
#endif
    for (c = 0; k != 0; c += 4, k--) {
        int32_t v01, v23;
        FGC_OPAQUE(k);
        fgc_pair4_q15(v + c, &v01, &v23);
        d0 = fgc_dot4_q7_q15(m + c, v01, v23, d0);
        d1 = n > 1 ? fgc_dot4_q7_q15(m + cols + c, v01, v23, d1) : 0;
        d2 = n > 2 ? fgc_dot4_q7_q15(m + 2 * cols + c, v01, v23, d2) : 0;
        d3 = n > 3 ? fgc_dot4_q7_q15(m + 3 * cols + c, v01, v23, d3) : 0;
        d4 = n > 4 ? fgc_dot4_q7_q15(m + 4 * cols + c, v01, v23, d4) : 0;
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
    fgc_product_q7_q15(m, v, rows, cols, s, acc, y, NULL);
}

/* §3.2 then §3.3: y[r] = sat16(rshift(m[r] . v, s)), for a product whose int32 result only gets
 * narrowed (a low-rank product's first factor) */
FGC_INLINE void fgc_matvec_narrow_q7_q15_inl(const fgc_w8_t *m, const int16_t *v, uint32_t rows, uint32_t cols,
                                             int s, int16_t *y)
{
    fgc_product_q7_q15(m, v, rows, cols, s, 0, NULL, y);
}

#if defined(FGC_SMLAD_Q7) && defined(FGC_THUMB2_ASM)
/* One row of FGC_PAIRS5_T2: the first product's five weights at [p1 + 5]! into a, the second's into
 * b, y = (a >> s1) + (b >> s2) stored with post-increment. */
#define FGC_ROW5_T2                                                                                     \
    "ldr %[w], [%[p1], #5]!\n\t"                                                                      \
    "sxtb16 %[a], %[w]\n\t"                                                                           \
    "smlad %[a], %[a], %[x01], %[r1]\n\t"                                                             \
    "sxtb16 %[w], %[w], ror #8\n\t"                                                                   \
    "smlad %[a], %[w], %[x23], %[a]\n\t"                                                              \
    "ldrsb %[w], [%[p1], #4]\n\t"                                                                     \
    "smlabb %[a], %[last], %[w], %[a]\n\t"                                                            \
    "asr %[a], %[a], %[s1]\n\t"                                                                       \
    "ldr %[w], [%[p2], #5]!\n\t"                                                                      \
    "sxtb16 %[b], %[w]\n\t"                                                                           \
    "smlad %[b], %[b], %[u01], %[r2]\n\t"                                                             \
    "sxtb16 %[w], %[w], ror #8\n\t"                                                                   \
    "smlad %[b], %[w], %[u23], %[b]\n\t"                                                              \
    "ldrsb %[w], [%[p2], #4]\n\t"                                                                     \
    "smlatb %[b], %[last], %[w], %[b]\n\t"                                                            \
    "add %[a], %[a], %[b], asr %[s2]\n\t"                                                             \
    "str %[a], [%[y]], #4\n\t"

/* Two products of five columns (a low-rank pair's second factors), PAIRS pairs of rows: 17
 * instructions a row and 2 for the loop, in the fourteen registers the loop needs (GCC's loop spills
 * and takes 37 to 42 a pair, by core; measured). Each row's sum starts at its rounding constant
 * (shifts 1 to 15), so its end is one shift, and two such ends always fit int32 (fgc_sum_fits32). */
#define FGC_PAIRS5_T2(M1, V1, S1, M2, V2, S2, PAIRS, START1, START2, Y)                                 \
    do {                                                                                                \
        const fgc_w8_t *p1_ = (M1), *p2_ = (M2); /* less 5 in the asm: each row loads from [p + 5]! */ \
        int32_t *y_ = (Y);                                                                              \
        int32_t x01_, x23_, u01_, u23_, a_, b_, w_;                                                     \
        uint32_t k_ = (PAIRS);                                                                          \
        memcpy(&x01_, (V1), 4);                                                                         \
        memcpy(&x23_, (V1) + 2, 4);                                                                     \
        memcpy(&u01_, (V2), 4);                                                                         \
        memcpy(&u23_, (V2) + 2, 4);                                                                     \
        __asm__ volatile(".syntax unified\n\t" /* volatile: its stores are its only effect */       \
                "sub %[p1], %[p1], #5\n\t"                                                            \
                "sub %[p2], %[p2], #5\n"                                                               \
                "1:\n\t" FGC_ROW5_T2 FGC_ROW5_T2                                                      \
                "subs %[k], %[k], #1\n\t"                                                             \
                "bne 1b"                                                                                \
                : [p1] "+r"(p1_), [p2] "+r"(p2_), [y] "+r"(y_), [k] "+r"(k_), [a] "=&r"(a_), [b] "=&r"(b_), \
                  [w] "=&r"(w_)                                                                         \
                : [x01] "r"(x01_), [x23] "r"(x23_), [u01] "r"(u01_), [u23] "r"(u23_),                   \
                  [last] "r"(fgc_pack_bottoms((V1)[4], (V2)[4])), [r1] "r"(START1), [r2] "r"(START2),   \
                  [s1] "I"(S1), [s2] "I"(S2)                                                            \
                : "cc", "memory"); /* memory operands would take registers for their addresses */       \
    } while (0)
#endif

/* y = sat32(rshift(m1 . v1, s1) + rshift(m2 . v2, s2)), i.e. the first product then the second
 * accumulated (§3.7's pre-activation): one pass over the rows where rows go one by one. */
FGC_INLINE void fgc_matvec2_q7_q15_inl(const fgc_w8_t *m1, const int16_t *v1, uint32_t cols1, int s1,
                                       const fgc_w8_t *m2, const int16_t *v2, uint32_t cols2, int s2,
                                       uint32_t rows, int32_t *y)
{
    uint32_t start1, start2, r;
#if !defined(FGC_SMLAD_Q7) && !defined(FGC_W8_BIASED)
    /* one input per register: more than the registers hold next to both rows' sums (measured) */
    if (cols1 + cols2 > 8) {
        fgc_matvec_q7_q15_inl(m1, v1, rows, cols1, s1, 0, y);
        fgc_matvec_q7_q15_inl(m2, v2, rows, cols2, s2, fgc_sum_fits32(s1, s2) ? 2 : 1, y);
        return;
    }
#endif
    if (fgc_long_row(cols1) || fgc_long_row(cols2)) {
        fgc_matvec_q7_q15_inl(m1, v1, rows, cols1, s1, 0, y);
        fgc_matvec_q7_q15_inl(m2, v2, rows, cols2, s2, fgc_sum_fits32(s1, s2) ? 2 : 1, y);
        return;
    }
    start1 = fgc_row_start_q7(v1, cols1, s1);
    start2 = fgc_row_start_q7(v2, cols2, s2);
    r = 0;
#if defined(FGC_SMLAD_Q7) && defined(FGC_THUMB2_ASM)
    /* a low-rank pair of rank 5 two rows a pass, all inputs in registers (FGC_PAIRS5_T2) */
    if (cols1 == 5 && cols2 == 5 && rows >= 2 && __builtin_constant_p(s1) && __builtin_constant_p(s2)
        && FGC_ROUND_IN_START(s1) && FGC_ROUND_IN_START(s2)) {
        FGC_PAIRS5_T2(m1, v1, s1, m2, v2, s2, rows / 2, start1, start2, y);
        r = rows - rows % 2;
    }
#endif
    for (; r < rows; r++) {
        y[r] = fgc_row_end_q7(fgc_dot_q7_q15(m1 + r * cols1, v1, cols1, start1), s1);
        fgc_store_q7_q15(y, NULL, r, fgc_dot_q7_q15(m2 + r * cols2, v2, cols2, start2), s2,
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

/* ------------------------------------------------------------ §3.2 over compressed rows (sparse) */

/*
 * The products of fgc_sparse.h (counts[rows], idx[nnz] of uint8_t or, wide, uint16_t, val[nnz]) as
 * inline functions a generated model calls with its shift, row count and accumulate mode as
 * constants, so that a row's end is one arithmetic shift and an add (measured on the HAR-shaped
 * model, M3: the out-of-line kernel's per-row shift and saturation tests cost 30 instructions a row,
 * as much as seven non-zeros). acc: 0 store, 1 add saturating, 2 add where no saturation can act
 * (fgc_sum_fits32: y holds an int8-weight product shifted by at least 1, and so does this one).
 * Generated models call them from a function of their own per product (FGC_PRODUCT_OUT_OF_LINE):
 * inlined into a step, GCC recomputes the stack address of the input vector at every non-zero.
 */
/* one non-zero into an int8-value row's sum (modulo 2^32), the pointers moved past it */
#define FGC_SP_MAC(sum, val, idx, v, IREAD) \
    ((sum) += (uint32_t)(FGC_ROM_I8(val) * (v)[IREAD(idx)]), (val)++, (idx)++)

#if defined(FGC_THUMB2_ASM)
/* One row of int8 values on Thumb-2, in assembly: each non-zero is its three loads (two with
 * post-increment) and an MLA, the loop's compare and branch shared by four; the row's n % 4 first
 * non-zeros go by the flags of one shift, not a jump table (GCC spends 5.25 instructions a non-zero
 * and 20 a row; measured on the HAR-shaped model, M3). LD is the index load (ldrb or ldrh). */
#define FGC_SP_MAC_T2(LD, STEP)                                                                          \
    LD " %[i], [%[pi]], #" STEP "\n\t"                                                               \
    "ldrsb %[w], [%[pw]], #1\n\t"                                                                    \
    "ldrsh %[i], [%[v], %[i], lsl #1]\n\t"                                                           \
    "mla %[s], %[w], %[i], %[s]\n\t"
#define FGC_SP_ROW_T2(LD, STEP)                                                                          \
    "add %[end], %[pw], %[n]\n\t"                                                                    \
    "lsls %[n], %[n], #31\n\t"                                                                       \
    "bpl 1f\n\t" FGC_SP_MAC_T2(LD, STEP) "1:\n\t"                                                  \
    "bcc 2f\n\t" FGC_SP_MAC_T2(LD, STEP) FGC_SP_MAC_T2(LD, STEP) "2:\n\t"                          \
    "cmp %[pw], %[end]\n\t"                                                                          \
    "beq 4f\n"                                                                                        \
    "3:\n\t" FGC_SP_MAC_T2(LD, STEP) FGC_SP_MAC_T2(LD, STEP) FGC_SP_MAC_T2(LD, STEP)                 \
    FGC_SP_MAC_T2(LD, STEP)                                                                            \
    "cmp %[pw], %[end]\n\t"                                                                          \
    "bne 3b\n"                                                                                        \
    "4:"
#define FGC_SP_ROW_T2_ASM(LD, STEP, sum, idx, val, v, n)                                                \
    do {                                                                                                \
        uint32_t i_, w_, end_, n_ = (n);                                                                \
        __asm__(FGC_SP_ROW_T2(LD, STEP)                                                                 \
                : [s] "+r"(sum), [pi] "+r"(idx), [pw] "+r"(val), [n] "+r"(n_), [i] "=&r"(i_),          \
                  [w] "=&r"(w_), [end] "=&r"(end_)                                                     \
                : [v] "r"(v)                                                                            \
                : "cc", "memory");                                                                      \
    } while (0)
#define FGC_SP_ROW_Q7_uint8_t(sum, idx, val, v, n) FGC_SP_ROW_T2_ASM("ldrb", "1", sum, idx, val, v, n)
#define FGC_SP_ROW_Q7_uint16_t(sum, idx, val, v, n) FGC_SP_ROW_T2_ASM("ldrh", "2", sum, idx, val, v, n)
#endif

/* The same in C: the n % 4 left over first (a jump into three MACs), then four at a time (measured:
 * a remainder loop after the unrolled one cost ten instructions a row). */
#define FGC_SP_ROW_Q7_C(IREAD, sum, idx, val, end, v, n)                                                 \
    do {                                                                                                \
        switch ((n) & 3u) {                                                                             \
        case 3: FGC_SP_MAC(sum, val, idx, v, IREAD); /* fall through */                                \
        case 2: FGC_SP_MAC(sum, val, idx, v, IREAD); /* fall through */                                \
        case 1: FGC_SP_MAC(sum, val, idx, v, IREAD); /* fall through */                                \
        default: break;                                                                                 \
        }                                                                                               \
        while ((val) != (end)) {                                                                        \
            FGC_SP_MAC(sum, val, idx, v, IREAD);                                                        \
            FGC_SP_MAC(sum, val, idx, v, IREAD);                                                        \
            FGC_SP_MAC(sum, val, idx, v, IREAD);                                                        \
            FGC_SP_MAC(sum, val, idx, v, IREAD);                                                        \
        }                                                                                               \
    } while (0)
#if defined(FGC_THUMB2_ASM)
#define FGC_SP_ROW_Q7(IT, IREAD, sum, idx, val, end, v, n) \
    do {                                                    \
        FGC_SP_ROW_Q7_##IT(sum, idx, val, v, n);            \
        (void)(end);                                        \
    } while (0)
#else
#define FGC_SP_ROW_Q7(IT, IREAD, sum, idx, val, end, v, n) FGC_SP_ROW_Q7_C(IREAD, sum, idx, val, end, v, n)
#endif

/* int8 values: the int32 sum is exact (§3.2's bound), and begins at the rounding constant. IT is the
 * index type; the walk is by pointers, so each non-zero is three loads and a multiply-accumulate. */
#define FGC_SPMV_Q7_INL(NAME, IT, IREAD)                                                                 \
    FGC_INLINE void NAME(const uint16_t *counts, const IT *idx, const int8_t *val, const int16_t *v,     \
                         uint32_t rows, int s, int acc, int32_t *y)                                     \
    {                                                                                                   \
        uint32_t start = FGC_ROUND_IN_START(s) ? (uint32_t)1 << (s - 1) : 0u;                          \
        uint32_t r;                                                                                     \
        for (r = 0; r < rows; r++) {                                                                    \
            uint32_t n = FGC_ROM_U16(counts + r);                                                       \
            const int8_t *end = val + n;                                                                \
            uint32_t sum = start;                                                                       \
            FGC_SP_ROW_Q7(IT, IREAD, sum, idx, val, end, v, n);                                        \
            fgc_store_q7_q15(y, NULL, r, sum, s, acc);                                                  \
        }                                                                                               \
    }

/* int16 values: the sum in int64, as the dense kernel's (acc 2 is taken as 1) */
#define FGC_SPMV_Q15_INL(NAME, IT, IREAD)                                                                \
    FGC_INLINE void NAME(const uint16_t *counts, const IT *idx, const int16_t *val, const int16_t *v,    \
                         uint32_t rows, int s, int acc, int32_t *y)                                     \
    {                                                                                                   \
        uint32_t r;                                                                                     \
        for (r = 0; r < rows; r++) {                                                                    \
            const int16_t *end = val + FGC_ROM_U16(counts + r);                                         \
            int64_t sum = 0;                                                                            \
            for (; val + 2 <= end; val += 2, idx += 2) {                                                \
                sum += (int32_t)FGC_ROM_I16(val) * v[IREAD(idx)];                                       \
                sum += (int32_t)FGC_ROM_I16(val + 1) * v[IREAD(idx + 1)];                               \
            }                                                                                           \
            for (; val < end; val++, idx++) {                                                           \
                sum += (int32_t)FGC_ROM_I16(val) * v[IREAD(idx)];                                       \
            }                                                                                           \
            sum = fgc_rshift64(sum, s);                                                                 \
            y[r] = fgc_sat32(acc ? (int64_t)y[r] + sum : sum);                                          \
        }                                                                                               \
    }

FGC_SPMV_Q7_INL(fgc_spmv_q7_q15_i8_inl, uint8_t, FGC_ROM_U8)
FGC_SPMV_Q7_INL(fgc_spmv_q7_q15_i16_inl, uint16_t, FGC_ROM_U16)

#if defined(FGC_THUMB1_ASM)
/* One non-zero of a pair stream on Thumb-1 (whose LDRSB takes only a register offset: one holds
 * 1), the stream pointer moved past it; none of its instructions but the last two set flags the
 * row's loop needs. */
#define FGC_SP_PAIR_T1                          \
    "ldrb %[off], [%[p], #0]\n\t"             \
    "ldrsb %[w], [%[p], %[one]]\n\t"          \
    "ldrsh %[off], [%[v], %[off]]\n\t"        \
    "muls %[w], %[off], %[w]\n\t"             \
    "adds %[s], %[s], %[w]\n\t"               \
    "adds %[p], #2\n\t"
#endif

/*
 * §3.2 over FGC_SPARSE_PAIRS storage (fgc_q15.h; Thumb-1): one stream with, per row, its count of
 * non-zeros (two bytes), then each non-zero's 2 * column and value bytes, at most 128 columns. On Thumb-1 a row
 * is assembly: the count's two low bits first (one and two non-zeros), then four at a time, six
 * instructions a non-zero (the separate arrays cost eight: a shift of the column, two pointers).
 */
FGC_INLINE void fgc_spmv_q7_q15_pairs_inl(const uint8_t *stream, const int16_t *v, uint32_t rows, int s, int acc,
                                          int32_t *y)
{
    uint32_t start = FGC_ROUND_IN_START(s) ? (uint32_t)1 << (s - 1) : 0u;
    uint32_t r;
    for (r = 0; r < rows; r++) {
        uint32_t n = FGC_ROM_U8(stream); /* at most 128: the count's high byte is 0 */
        uint32_t sum = start;
        stream += 2;
#if defined(FGC_THUMB1_ASM)
        {
            uint32_t off, w, one = 1;
            __asm__(".syntax unified\n\t"
                    "lsrs %[n], %[n], #1\n\t"
                    "bcc 1f\n\t" FGC_SP_PAIR_T1
                    "1:\n\t"
                    "lsrs %[n], %[n], #1\n\t"
                    "bcc 2f\n\t" FGC_SP_PAIR_T1 FGC_SP_PAIR_T1
                    "2:\n\t"
                    "cmp %[n], #0\n\t"
                    "beq 4f\n"
                    "3:\n\t" FGC_SP_PAIR_T1 FGC_SP_PAIR_T1 FGC_SP_PAIR_T1 FGC_SP_PAIR_T1
                    "subs %[n], #1\n\t"
                    "bne 3b\n"
                    "4:\n\t"
                    ".syntax divided"
                    : [s] "+l"(sum), [p] "+l"(stream), [n] "+l"(n), [off] "=&l"(off), [w] "=&l"(w)
                    : [v] "l"(v), [one] "l"(one)
                    : "cc", "memory");
        }
#else
        for (; n > 0; n--, stream += 2) {
            sum += (uint32_t)((int32_t)(int8_t)FGC_ROM_U8(stream + 1) * v[FGC_ROM_U8(stream) >> 1]);
        }
#endif
        fgc_store_q7_q15(y, NULL, r, sum, s, acc);
    }
}
FGC_SPMV_Q15_INL(fgc_spmv_q15_q15_i8_inl, uint8_t, FGC_ROM_U8)
FGC_SPMV_Q15_INL(fgc_spmv_q15_q15_i16_inl, uint16_t, FGC_ROM_U16)

#endif /* !__AVR__ */

#endif /* FGC_Q15_PRODUCTS_H */
