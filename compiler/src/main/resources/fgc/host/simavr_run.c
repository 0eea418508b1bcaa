/*
 * simavr_run.c - runs one AVR image under libsimavr and reports what a test needs, nothing else.
 *
 * Build:  gcc -O2 -I/usr/include/simavr -o simavr_run simavr_run.c -lsimavr  (simavr_start.h beside it)
 * Use:    simavr_run MCU FREQUENCY_HZ MAX_CYCLES IMAGE.elf > uart.bin 2> report.txt
 *
 * stdout: every byte the firmware sends through USART0, raw (simavr's own console echo is off).
 * stderr: simavr's diagnostics, each line prefixed "simavr: ", then one last line
 *         fgc-simavr state=done|crashed|limit exit=N cycles=C intervals=K counted=M
 *   state   done: the firmware stopped itself (cli then sleep); crashed: simavr stopped it (invalid
 *           opcode, a write outside RAM...); limit: MAX_CYCLES ran out first (a hang).
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

int main(int argc, char **argv)
{
    elf_firmware_t firmware;
    avr_t *avr;
    unsigned long long limit;
    int state;
    const char *verdict;

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

    do {
        state = avr_run(avr);
    } while (state != cpu_Done && state != cpu_Crashed && avr->cycle < limit);

    fflush(stdout);
    verdict = state == cpu_Done ? "done" : (state == cpu_Crashed ? "crashed" : "limit");
    fprintf(stderr, "fgc-simavr state=%s exit=%u cycles=%" PRIu64 " intervals=%" PRIu64 " counted=%" PRIu64 "\n",
            verdict, (unsigned)avr->data[GPIOR0], (uint64_t)avr->cycle, intervals, counted);
    return 0;
}
