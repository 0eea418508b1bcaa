/*
 * simavr_start.h - loads an AVR image into libsimavr with USART0 as a plain byte pipe; shared by
 * fgc's simavr runner (simavr_run.c) and the hardware-in-the-loop tests' TCP bridge.
 *
 * Include after <stdio.h>, <stdlib.h>, <string.h>, "avr_uart.h", "sim_avr.h", "sim_elf.h" and
 * "sim_io.h".
 */
#ifndef FGC_SIMAVR_START_H
#define FGC_SIMAVR_START_H

/*
 * The MCU named, running IMAGE at FREQUENCY_HZ, or NULL after a message on stderr when simavr
 * cannot read the image or does not know the MCU. FIRMWARE must outlive the simulation.
 * USART0 sends raw bytes (simavr's console echo colours lines and replaces control bytes) and
 * does not sleep the host while the firmware polls it.
 */
static avr_t *fgc_simavr_start(elf_firmware_t *firmware, const char *mcu, const char *frequency_hz,
                               const char *image)
{
    avr_t *avr;
    uint32_t flags = 0;

    memset(firmware, 0, sizeof *firmware);
    if (elf_read_firmware(image, firmware) != 0) {
        fprintf(stderr, "fgc-simavr: cannot read the image %s\n", image);
        return NULL;
    }
    avr = avr_make_mcu_by_name(mcu);
    if (avr == NULL) {
        fprintf(stderr, "fgc-simavr: simavr does not know the MCU '%s'\n", mcu);
        return NULL;
    }
    avr_init(avr);
    avr->log = LOG_WARNING;
    avr_load_firmware(avr, firmware);
    avr->frequency = (uint32_t)strtoul(frequency_hz, NULL, 10);
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~(uint32_t)(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    return avr;
}

#endif
