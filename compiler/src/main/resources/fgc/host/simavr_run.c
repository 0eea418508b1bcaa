/*
 * simavr_run.c - runs one AVR image under libsimavr and reports what a test needs, nothing else.
 *
 * Build:  gcc -O2 -I/usr/include/simavr -o simavr_run simavr_run.c -lsimavr  (simavr_start.h beside it)
 * Use:    simavr_run MCU FREQUENCY_HZ MAX_CYCLES IMAGE.elf > uart.bin 2> report.txt
 *
 * stdout: every byte the firmware sends through USART0, raw (simavr's own console echo is off).
 * stderr: simavr's diagnostics, each line prefixed "simavr: ", then one last line
 *         fgc-simavr state=done|crashed|stack|limit exit=N cycles=C intervals=K counted=M
 *   state   done: the firmware stopped itself (cli then sleep); crashed: simavr stopped it (invalid
 *           opcode, a jump beyond the image, a write outside RAM...), and a line before the report
 *           gives the PC; stack: the stack grew down into .data/.bss (checked after every
 *           instruction, so the run stops before the corruption spreads), and a line before the
 *           report gives SP; limit: MAX_CYCLES ran out first (a hang).
 *   exit    the byte the firmware left in GPIOR0 (data address 0x3E).
 *   cycles  every cycle simulated; counted: the cycles between each write to GPIOR1 (begin) and
 *           the next write to GPIOR2 (end), summed over the K such intervals. A begin while an
 *           interval is open is ignored, as is an end with none open.
 * The exit status is 0 whenever the report line was written (the firmware's own status is in it),
 * 2 for bad arguments or an image simavr cannot load.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "sim_io.h"
#include "simavr_start.h"

#define GPIOR0 0x3E /* data addresses, the same on every ATmega with GPIORs */
#define GPIOR1 0x4A
#define GPIOR2 0x4B

static avr_cycle_count_t interval_start;
static int interval_open;
static uint64_t intervals;
static uint64_t counted;

static void on_uart(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    putchar((int)(value & 0xFF));
}

static void on_begin(avr_t *avr, avr_io_addr_t addr, uint8_t v, void *param)
{
    (void)param;
    avr->data[addr] = v;
    if (!interval_open) {
        interval_open = 1;
        interval_start = avr->cycle;
    }
}

static void on_end(avr_t *avr, avr_io_addr_t addr, uint8_t v, void *param)
{
    (void)param;
    avr->data[addr] = v;
    if (interval_open) {
        interval_open = 0;
        intervals++;
        counted += avr->cycle - interval_start;
    }
}

/* simavr's messages, uncoloured and marked as its own; chatty levels are dropped. */
static void on_log(struct avr_t *avr, const int level, const char *format, va_list ap)
{
    char line[512];
    char *p;
    char *q;
    (void)avr;
    if (level > LOG_WARNING) {
        return;
    }
    vsnprintf(line, sizeof line, format, ap);
    for (p = q = line; *p; p++) {
        if (*p == '\033') { /* drop ANSI colour sequences: ESC [ ... m */
            while (*p && *p != 'm') {
                p++;
            }
            if (!*p) {
                break;
            }
        } else if (*p != '\n' && *p != '\r') {
            *q++ = *p;
        }
    }
    *q = '\0';
    if (line[0]) {
        fprintf(stderr, "simavr: %s\n", line);
    }
}

/* The first RAM address above .data and .bss (avr-libc's _end): the stack must stay above it. */
static uint16_t stack_floor(const avr_t *avr, const elf_firmware_t *firmware)
{
#if ELF_SYMBOLS
    uint32_t i;
    for (i = 0; i < firmware->symbolcount; i++) {
        if (strcmp(firmware->symbol[i]->symbol, "_end") == 0) {
            return (uint16_t)(firmware->symbol[i]->addr & 0xFFFFu); /* data addresses are 0x800000 + a */
        }
    }
#endif
    return (uint16_t)(avr->ioend + 1u + firmware->datasize + firmware->bsssize);
}

int main(int argc, char **argv)
{
    elf_firmware_t firmware;
    avr_t *avr;
    unsigned long long limit;
    int state;
    const char *verdict;
    uint16_t floor;
    uint16_t sp = 0;
    int armed = 0;
    int below = 0;
    int overflow = 0;
    int astray = 0;
    avr_flashaddr_t pc = 0;

    if (argc != 5) {
        fprintf(stderr, "usage: %s MCU FREQUENCY_HZ MAX_CYCLES IMAGE.elf\n", argv[0]);
        return 2;
    }
    limit = strtoull(argv[3], NULL, 10);
    avr_global_logger_set(on_log);
    avr = fgc_simavr_start(&firmware, argv[1], argv[2], argv[4]);
    if (avr == NULL) {
        return 2;
    }
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), on_uart, NULL);
    avr_register_io_write(avr, GPIOR1, on_begin, NULL);
    avr_register_io_write(avr, GPIOR2, on_end, NULL);

    floor = stack_floor(avr, &firmware);
    do {
        state = avr_run(avr);
        /* The stack's bytes lie above SP; the check arms once start-up has put SP above the floor.
         * A frame's SP is written a byte at a time, SPH, SREG, then SPL, so SP is taken as below
         * the floor only once it stays there for more than those two instructions. */
        sp = (uint16_t)(avr->data[R_SPL] | (avr->data[R_SPH] << 8));
        if (sp >= floor) {
            armed = 1;
            below = 0;
        } else if (armed && sp + 1u < floor) {
            overflow = ++below > 3;
        }
        /* Past the image there is only erased flash: the firmware jumped where no code is. */
        if (avr->pc >= firmware.flashsize) {
            astray = 1;
            pc = avr->pc;
        }
    } while (state != cpu_Done && state != cpu_Crashed && !overflow && !astray && avr->cycle < limit);

    fflush(stdout);
    if (overflow) {
        fprintf(stderr, "fgc-simavr: stack overflow: SP 0x%04X, below the end of .data and .bss at 0x%04X, at PC"
                " 0x%04X\n", (unsigned)sp, (unsigned)floor, (unsigned)avr->pc);
    } else if (astray) {
        fprintf(stderr, "fgc-simavr: jumped to 0x%05lX, beyond the image's %lu bytes of code\n", (unsigned long)pc,
                (unsigned long)firmware.flashsize);
    }
    verdict = overflow ? "stack" : (state == cpu_Crashed || astray) ? "crashed" : state == cpu_Done ? "done" : "limit";
    fprintf(stderr, "fgc-simavr state=%s exit=%u cycles=%" PRIu64 " intervals=%" PRIu64 " counted=%" PRIu64 "\n",
            verdict, (unsigned)avr->data[GPIOR0], (uint64_t)avr->cycle, intervals, counted);
    return 0;
}
