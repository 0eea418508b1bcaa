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

/* Thumb-2 inline asm where the operands are compile-time constants (optimised builds) */
#if defined(__GNUC__) && defined(__OPTIMIZE__) && defined(__thumb2__)
#define FGC_THUMB2_ASM 1
#endif

/* For a function that calls a kernel with a long asm loop: out of line where that loop is used,
 * because GCC's register allocation of a whole step degrades around it (measured on USPS, M0:
 * int16 products 10 % slower in the same function; AVR: the hidden-unit loop 5 % slower next to
 * the grouped products). On Thumb-2 the inline loop is the faster (USPS int16 on the M4: 55,871
 * instructions inline, 57,535 out of line; on the M33 since the 21-instruction loop, int16 40,926
 * and int8 29,941 inline, 41,086 and 29,973 out of line). */
#if defined(FGC_THUMB1_ASM) || (defined(__AVR__) && defined(__OPTIMIZE__))
#define FGC_ASM_OUT_OF_LINE __attribute__((noinline))
#else
#define FGC_ASM_OUT_OF_LINE
#endif

/* The same for the element loop with a tanh gate, whose assembly is Thumb-2's (in line there, as
 * measured) and AVR's */
#if defined(__AVR__) && defined(__OPTIMIZE__)
#define FGC_TANH_GATE_OUT_OF_LINE __attribute__((noinline))
#else
#define FGC_TANH_GATE_OUT_OF_LINE
#endif

/* For a generated model's product over compressed rows: in a function of its own, with its input
 * vector a pointer in a register (inlined into a step, GCC recomputes the vector's stack address at
 * every non-zero: measured on the HAR-shaped model, M3, 1.3 instructions more per non-zero). AVR
 * calls its out-of-line kernels directly (fgc_sparse.h). */
#if defined(__GNUC__) && !defined(__AVR__)
#define FGC_PRODUCT_OUT_OF_LINE __attribute__((noinline))
#else
#define FGC_PRODUCT_OUT_OF_LINE
#endif

/* Hides x's value from GCC, for a loop counted down to zero: it then ends in SUBS and BNE, where GCC
 * would compare with an end address it loads again in every pass when the registers run out. */
#if defined(__GNUC__)
#define FGC_OPAQUE(x) __asm__("" : "+r"(x))
#else
#define FGC_OPAQUE(x) ((void)0)
#endif

/* SMLAD on int8 weights needs them signed and their chunks swapped (fgc_w8_t, fgc_q15.h) */
#if defined(FGC_W8_SWAPPED)
#define FGC_SMLAD_Q7 1
#endif

/* The point of these functions is to be specialised on the caller's constants. */
#if defined(__GNUC__)
#define FGC_INLINE static inline __attribute__((always_inline))
#else
#define FGC_INLINE static inline
#endif

#if defined(__AVR__)
#include "fgc_q15_avr.h" /* an 8-bit core's versions of some of the functions the parts define */
#endif

/* the operations by family, in the order they build on each other */
#include "fgc_q15_scalar.h"
#include "fgc_q15_products.h"
#include "fgc_q15_elements.h"
#include "fgc_q15_cell.h"

#endif /* FGC_Q15_INLINE_H */
