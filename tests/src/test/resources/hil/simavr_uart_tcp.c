/*
 * simavr_uart_tcp.c - runs an AVR image under libsimavr with its USART0 on a TCP socket, as QEMU's
 * "-serial tcp:HOST:PORT,server=on" does for Cortex-M: the hardware-in-the-loop tests' AVR board.
 *
 * Build:  gcc -O2 -I/usr/include/simavr -o simavr_uart_tcp simavr_uart_tcp.c -lsimavr, with fgc's
 *         host/simavr_start.h (compiler resources) beside it
 * Use:    simavr_uart_tcp MCU FREQUENCY_HZ PORT IMAGE.elf
 * Listens on 127.0.0.1:PORT, prints "listening" on stdout, accepts one connection, then
 * simulates: every byte the firmware sends goes to the socket; bytes from the socket go into the
 * USART's receive queue while simavr says it has room (XON/XOFF). Ends when the peer closes, or
 * the firmware stops or crashes.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "sim_io.h"
#include "simavr_start.h"

static int peer = -1;
static int room; /* simavr's receive queue can take bytes (after XON, until XOFF) */

static void on_output(struct avr_irq_t *irq, uint32_t value, void *param)
{
    uint8_t b = (uint8_t)value;
    (void)irq;
    (void)param;
    if (send(peer, &b, 1, MSG_NOSIGNAL) != 1) {
        exit(0);
    }
}

static void on_xon(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)value;
    (void)param;
    room = 1;
}

static void on_xoff(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)value;
    (void)param;
    room = 0;
}

static int listen_once(int port)
{
    struct sockaddr_in a;
    int one = 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 1) != 0) {
        perror("simavr_uart_tcp: listen");
        exit(2);
    }
    printf("listening\n");
    fflush(stdout);
    return s;
}

int main(int argc, char **argv)
{
    elf_firmware_t firmware;
    avr_t *avr;
    avr_irq_t *uart;
    int server;
    int state = cpu_Running;

    if (argc != 5) {
        fprintf(stderr, "usage: %s MCU FREQUENCY_HZ PORT IMAGE.elf\n", argv[0]);
        return 2;
    }
    avr = fgc_simavr_start(&firmware, argv[1], argv[2], argv[4]);
    if (avr == NULL) {
        return 2;
    }
    uart = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT);
    avr_irq_register_notify(uart, on_output, NULL);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XON), on_xon, NULL);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XOFF), on_xoff, NULL);

    server = listen_once((int)strtol(argv[3], NULL, 10));
    peer = accept(server, NULL, NULL);
    if (peer < 0) {
        perror("simavr_uart_tcp: accept");
        return 2;
    }
    while (state != cpu_Done && state != cpu_Crashed) {
        int i;
        for (i = 0; i < 1000 && state != cpu_Done && state != cpu_Crashed; i++) {
            state = avr_run(avr);
        }
        while (room) {
            uint8_t b;
            ssize_t n = recv(peer, &b, 1, MSG_DONTWAIT);
            if (n == 0) {
                return 0; /* the peer closed */
            }
            if (n < 0) {
                if (errno != EAGAIN && errno != EWOULDBLOCK) {
                    return 0;
                }
                break;
            }
            avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT), b);
        }
    }
    return 0;
}
