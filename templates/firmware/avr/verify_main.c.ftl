/*
 * ${banner}
 * Verification firmware for board ${board.name} (8-bit AVR): runs every input example through the
 * model and prints on USART0, per example, "S <index> <class>" and each score's 32 bits in hex
 * (two's complement), so the host compares exact values; then "STACK <bytes>" and "DONE <count>".
 * The examples stay in flash: each step's inputs are copied to RAM just before the step, as a
 * sketch would take them from a sensor. The firmware leaves its status in GPIOR0 and stops with
 * interrupts off (cli, sleep), which ends a simulation; its writes to GPIOR1 and GPIOR2 mark the
 * start and end of each inference (init, every step, scores) for the simulator's cycle count.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/pgmspace.h>
#include <avr/sleep.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "${prefix}_model.h"

#define FW_STACK_PAINT 0xC5u

extern const ${inputType} fw_inputs[] PROGMEM;
extern const uint16_t fw_input_count PROGMEM;
extern uint8_t _end; /* avr-libc's linker script: the end of .bss, where the stack may grow down to */

/* Paints the free RAM between .bss and the stack before main runs (.init3: the stack pointer is
 * set, nothing is on the stack yet), for the high-water mark. */
void fw_paint_stack(void) __attribute__((naked, used, section(".init3")));
void fw_paint_stack(void)
{
    uint8_t *p = &_end;
    while (p < (uint8_t *)SP) {
        *p++ = FW_STACK_PAINT;
    }
}

/* Bytes of stack ever used: from the top of RAM down to the lowest byte no longer painted. */
static uint16_t fw_stack_peak(void)
{
    const volatile uint8_t *p = &_end;
    while (p <= (const uint8_t *)RAMEND && *p == FW_STACK_PAINT) {
        p++;
    }
    return (uint16_t)((const uint8_t *)RAMEND + 1 - (const uint8_t *)p);
}

static int fw_putc(char c, FILE *stream)
{
    (void)stream;
    loop_until_bit_is_set(UCSR0A, UDRE0);
    UDR0 = (uint8_t)c;
    return 0;
}

static FILE fw_uart = FDEV_SETUP_STREAM(fw_putc, NULL, _FDEV_SETUP_WRITE);

/* Leaves the status in GPIOR0 and stops for good: a simulator ends the run here. */
static void fw_exit(uint8_t status) __attribute__((noreturn));
static void fw_exit(uint8_t status)
{
    loop_until_bit_is_set(UCSR0A, TXC0); /* the last byte is out */
    GPIOR0 = status;
    cli();
    sleep_enable();
    for (;;) {
        sleep_cpu();
    }
}

int main(void)
{
    uint16_t n, count = pgm_read_word(&fw_input_count);
    uint8_t c;
    ${scoreType} scores[${PREFIX}_NUM_CLASSES];

    UCSR0A = 1 << U2X0; /* 2 Mbit/s at 16 MHz: printing costs the simulation little */
    UBRR0 = 0;
    UCSR0B = 1 << TXEN0;
    stdout = &fw_uart;

    printf_P(PSTR("FGC ${prefix} ${board.name} %u\n"), count);
    for (n = 0; n < count; n++) {
        const ${inputType} *example = fw_inputs + (uint32_t)n * ${PREFIX}_FEATURES;
        ${prefix}_state_t state;
        ${inputType} x[${PREFIX}_INPUT_DIMS];
        uint16_t t, cls;

        GPIOR1 = 1;
        __asm__ volatile("" ::: "memory");
        ${prefix}_init(&state);
        for (t = 0; t < ${PREFIX}_TIMESTEPS; t++) {
            memcpy_P(x, example + (uint32_t)t * ${PREFIX}_INPUT_DIMS, sizeof x);
            (void)${prefix}_step(&state, x);
        }
        cls = ${prefix}_scores(&state, scores);
        __asm__ volatile("" ::: "memory");
        GPIOR2 = 1;

        printf_P(PSTR("S %u %u"), n, cls);
        for (c = 0; c < ${PREFIX}_NUM_CLASSES; c++) {
            printf_P(PSTR(" %08lx"), (unsigned long)(uint32_t)scores[c]);
        }
        printf_P(PSTR("\n"));
    }
    printf_P(PSTR("STACK %u\n"), fw_stack_peak());
    printf_P(PSTR("DONE %u\n"), count);
    fw_exit(0);
}
