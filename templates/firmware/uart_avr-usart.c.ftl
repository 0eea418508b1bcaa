/*
 * ${banner}
 * Polled driver for the AVR USART at ${uart.base} (UCSRnA; the others follow it: B, C, -, UBRRnL,
 * UBRRnH, UDRn), 8N1 at ${uart.baud} baud (double speed) from the ${board.name}'s ${board.clockHz} Hz clock.
 */
#include "fw_uart.h"

#define UCSRA (*(volatile uint8_t *)(${uart.base} + 0))
#define UCSRB (*(volatile uint8_t *)(${uart.base} + 1))
#define UCSRC (*(volatile uint8_t *)(${uart.base} + 2))
#define UBRRL (*(volatile uint8_t *)(${uart.base} + 4))
#define UBRRH (*(volatile uint8_t *)(${uart.base} + 5))
#define UDR   (*(volatile uint8_t *)(${uart.base} + 6))
#define RXC  7
#define UDRE 5
#define U2X  1
#define RXEN 4
#define TXEN 3

void fw_uart_init(void)
{
    uint16_t ubrr = (uint16_t)((${board.clockHz}UL / 8UL + ${uart.baud}UL / 2UL) / ${uart.baud}UL - 1UL);
    UCSRA = 1u << U2X;
    UBRRH = (uint8_t)(ubrr >> 8);
    UBRRL = (uint8_t)(ubrr & 0xFFu);
    UCSRC = 0x06u; /* 8 data bits, no parity, 1 stop bit */
    UCSRB = (1u << RXEN) | (1u << TXEN);
}

void fw_uart_put(uint8_t b)
{
    while (!(UCSRA & (1u << UDRE))) {
    }
    UDR = b;
}

uint8_t fw_uart_get(void)
{
    while (!(UCSRA & (1u << RXC))) {
    }
    return UDR;
}
