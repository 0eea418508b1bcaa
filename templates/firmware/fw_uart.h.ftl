/* ${banner} The UART the hardware-in-the-loop firmware talks over: blocking, polled, 8N1. */
#ifndef FW_UART_H
#define FW_UART_H

#include <stdint.h>

void fw_uart_init(void);
void fw_uart_put(uint8_t b);
uint8_t fw_uart_get(void);

#endif /* FW_UART_H */
