/* ${banner} Services of the verification firmware's start-up code. */
#ifndef FW_FIRMWARE_H
#define FW_FIRMWARE_H

#include <stddef.h>

/* Bytes of stack reserved for the program. */
size_t fw_stack_size(void);
/* Bytes of stack ever used since reset (the painted words never overwritten are not counted). */
size_t fw_stack_peak(void);

#endif /* FW_FIRMWARE_H */
