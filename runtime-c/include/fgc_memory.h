/*
 * fgc runtime: where a generated model's constants and scratch arrays live, and how kernels read
 * the constants.
 *
 * Every constant (weights, biases, the normaliser, the tanh table) is declared with FGC_ROM and
 * read with the FGC_ROM_* macros. On AVR, flash is a separate address space: FGC_ROM is PROGMEM,
 * which keeps the constant in flash instead of copying it to RAM at start-up, and the macros read
 * it with LPM (pgm_read_*). Everywhere else flash is ordinary memory: FGC_ROM is nothing and the
 * macros are plain loads, so the compiled code is the same as without them.
 *
 * A step's scratch arrays are declared FGC_SCRATCH: on the stack everywhere but AVR, where they are
 * static. An 8-bit core reaches a stack frame's first 64 bytes cheaply and the rest expensively;
 * with the arrays elsewhere, the registers GCC spills stay in reach (USPS int8: 10 % fewer cycles).
 * The price: on AVR a model's step is not reentrant (an interrupt must not run it while the main
 * program does); separate sequences still only need separate states.
 */
#ifndef FGC_MEMORY_H
#define FGC_MEMORY_H

#include <stdint.h>

#if defined(__AVR__)
#include <avr/pgmspace.h>
#define FGC_ROM PROGMEM
#define FGC_ROM_I8(p) ((int8_t)pgm_read_byte(p))
#define FGC_ROM_U8(p) ((uint8_t)pgm_read_byte(p))
#define FGC_ROM_I16(p) ((int16_t)pgm_read_word(p))
#define FGC_ROM_U16(p) ((uint16_t)pgm_read_word(p))
#define FGC_ROM_I32(p) ((int32_t)pgm_read_dword(p))
#define FGC_SCRATCH static
#else
#define FGC_ROM
#define FGC_ROM_I8(p) (*(const int8_t *)(p))
#define FGC_ROM_U8(p) (*(const uint8_t *)(p))
#define FGC_ROM_I16(p) (*(const int16_t *)(p))
#define FGC_ROM_U16(p) (*(const uint16_t *)(p))
#define FGC_ROM_I32(p) (*(const int32_t *)(p))
#define FGC_SCRATCH
#endif

#endif /* FGC_MEMORY_H */
