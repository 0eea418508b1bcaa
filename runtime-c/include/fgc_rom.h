/*
 * fgc runtime: where a generated model's constants live and how kernels read them.
 *
 * Every constant (weights, biases, the normaliser, the tanh table) is declared with FGC_ROM and
 * read with the FGC_ROM_* macros. On AVR, flash is a separate address space: FGC_ROM is PROGMEM,
 * which keeps the constant in flash instead of copying it to RAM at start-up, and the macros read
 * it with LPM (pgm_read_*). Everywhere else flash is ordinary memory: FGC_ROM is nothing and the
 * macros are plain loads, so the compiled code is the same as without them.
 */
#ifndef FGC_ROM_H
#define FGC_ROM_H

#include <stdint.h>

#if defined(__AVR__)
#include <avr/pgmspace.h>
#define FGC_ROM PROGMEM
#define FGC_ROM_I8(p) ((int8_t)pgm_read_byte(p))
#define FGC_ROM_U8(p) ((uint8_t)pgm_read_byte(p))
#define FGC_ROM_I16(p) ((int16_t)pgm_read_word(p))
#define FGC_ROM_U16(p) ((uint16_t)pgm_read_word(p))
#define FGC_ROM_I32(p) ((int32_t)pgm_read_dword(p))
#else
#define FGC_ROM
#define FGC_ROM_I8(p) (*(const int8_t *)(p))
#define FGC_ROM_U8(p) (*(const uint8_t *)(p))
#define FGC_ROM_I16(p) (*(const int16_t *)(p))
#define FGC_ROM_U16(p) (*(const uint16_t *)(p))
#define FGC_ROM_I32(p) (*(const int32_t *)(p))
#endif

#endif /* FGC_ROM_H */
