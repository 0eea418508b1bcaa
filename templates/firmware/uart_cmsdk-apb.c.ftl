/*
 * ${banner}
 * Polled driver for Arm's CMSDK APB UART (the MPS2 boards' UART0 at ${uart.base}), ${uart.baud} baud
 * from the ${board.name}'s ${board.clockHz} Hz peripheral clock.
 */
#include "fw_uart.h"

#define UART_DATA     (*(volatile uint32_t *)(${uart.base}u + 0x00u))
#define UART_STATE    (*(volatile uint32_t *)(${uart.base}u + 0x04u))
#define UART_CTRL     (*(volatile uint32_t *)(${uart.base}u + 0x08u))
#define UART_BAUDDIV  (*(volatile uint32_t *)(${uart.base}u + 0x10u))
#define STATE_TX_FULL 0x1u
#define STATE_RX_FULL 0x2u
#define CTRL_TX_RX_ENABLE 0x3u

void fw_uart_init(void)
{
    UART_BAUDDIV = ${uart.divisor}u;  /* the hardware needs at least 16 */
    UART_CTRL = CTRL_TX_RX_ENABLE;
}

void fw_uart_put(uint8_t b)
{
    while (UART_STATE & STATE_TX_FULL) {
    }
    UART_DATA = b;
}

uint8_t fw_uart_get(void)
{
    while (!(UART_STATE & STATE_RX_FULL)) {
    }
    return (uint8_t)UART_DATA;
}
