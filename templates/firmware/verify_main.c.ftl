/*
 * ${banner}
 * Verification firmware for board ${board.name}: runs every input example through the model and
 * prints, per example, "S <index> <class>" and each score's 32 bits in hex (IEEE-754 for float,
 * two's complement for fixed point), so the host compares exact values. Output goes through
 * semihosting.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "${prefix}_model.h"
#include "fw_firmware.h"

extern const ${inputType} fw_inputs[];
extern const uint32_t fw_input_count;

/* The emulator's instruction-counting plugin counts what runs between these two calls. */
__attribute__((noinline, noipa, used)) void fw_mark_begin(void)
{
    __asm__ volatile("" ::: "memory");
}

__attribute__((noinline, noipa, used)) void fw_mark_end(void)
{
    __asm__ volatile("" ::: "memory");
}

/* A score's 32 bits, printed in hex so the host compares exact values. */
static uint32_t bits_of(${scoreType} s)
{
    uint32_t u;
    memcpy(&u, &s, sizeof u);
    return u;
}

int main(void)
{
    uint32_t n, c;
    ${scoreType} scores[${PREFIX}_NUM_CLASSES];

    printf("FGC ${prefix} ${board.name} %lu\n", (unsigned long)fw_input_count);
    for (n = 0; n < fw_input_count; n++) {
        uint16_t cls;
        fw_mark_begin();
        cls = ${prefix}_classify(fw_inputs + n * ${PREFIX}_FEATURES, scores);
        fw_mark_end();
        printf("S %lu %u", (unsigned long)n, (unsigned)cls);
        for (c = 0; c < ${PREFIX}_NUM_CLASSES; c++) {
            printf(" %08lx", (unsigned long)bits_of(scores[c]));
        }
        printf("\n");
    }
    printf("STACK %lu\n", (unsigned long)fw_stack_peak());
    printf("DONE %lu\n", (unsigned long)fw_input_count);
    return 0;
}
