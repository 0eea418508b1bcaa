/*
 * ${banner}
 * Stack high-water mark for board ${board.name} (8-bit AVR): the free RAM between .bss and the
 * stack is painted before main runs, and the peak is the painted bytes since overwritten.
 */
#include <avr/io.h>
#include <stdint.h>
#include "fw_firmware.h"

#define FW_STACK_PAINT 0xC5u

extern uint8_t _end; /* avr-libc's linker script: the end of .bss, where the stack may grow down to */

/* .init3: the stack pointer is set and nothing is on the stack yet. */
void fw_paint_stack(void) __attribute__((naked, used, section(".init3")));
void fw_paint_stack(void)
{
    uint8_t *p = &_end;
    while (p < (uint8_t *)SP) {
        *p++ = FW_STACK_PAINT;
    }
}

size_t fw_stack_peak(void)
{
    const volatile uint8_t *p = &_end;
    while (p <= (const uint8_t *)RAMEND && *p == FW_STACK_PAINT) {
        p++;
    }
    return (size_t)((const uint8_t *)RAMEND + 1 - (const uint8_t *)p);
}
