/*
 * ${banner}
 * Start-up code for board ${board.name} (${board.core}); shared by every Cortex-M board.
 * The reset handler paints the stack (for the high-water mark), sets SP, enables the FPU where
 * there is one, copies .data, zeroes .bss, opens semihosting and calls main; exit() ends the
 * emulator with main's return value. newlib's _start is not used: it asks the emulator for
 * SYS_HEAPINFO and moves SP to wherever the emulator says, outside this board's stack region.
 * Every other exception prints a line and exits with status 99, so a fault never hangs.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fw_firmware.h"

#define FW_STACK_PAINT 0xC5C5C5C5u

/* symbols from cortexm.ld */
extern uint32_t __StackLimit[], __StackTop[];
extern uint32_t __data_start__[], __data_end__[], __data_load__[];
extern uint32_t __bss_start__[], __bss_end__[];
extern char __HeapBase[], __HeapLimit[];

extern int main(void);
extern void initialise_monitor_handles(void);  /* librdimon */
extern void __libc_init_array(void);           /* newlib */
extern void _exit(int) __attribute__((noreturn));

void Reset_Handler(void) __attribute__((naked, noreturn));
void Fault_Handler(void) __attribute__((naked, noreturn));
void fw_c_start(void) __attribute__((noreturn, used));
void fw_fault(uint32_t ipsr) __attribute__((noreturn, used));

/* 16 system vectors + 32 IRQ vectors; unused ones all go to Fault_Handler. */
__attribute__((section(".isr_vector"), used))
void (*const fw_vectors[16 + 32])(void) = {
    (void (*)(void))(uintptr_t)__StackTop,  /* 0: initial MSP */
    Reset_Handler,                          /* 1: reset */
    [2 ... 16 + 32 - 1] = Fault_Handler,    /* NMI, HardFault, ..., IRQs */
};

void Reset_Handler(void)
{
    /* Thumb-1 only instructions: the same code runs on v6-M (Cortex-M0). */
    __asm volatile(
        "    .syntax unified            \n"  /* GCC uses divided syntax for
                                                inline asm on Thumb-1 */
        "    ldr  r0, =__StackLimit     \n"
        "    ldr  r1, =__StackTop       \n"
        "    ldr  r2, =0xC5C5C5C5       \n"  /* FW_STACK_PAINT */
        "1:  cmp  r0, r1                \n"
        "    bhs  2f                    \n"
        "    str  r2, [r0]              \n"
        "    adds r0, #4                \n"
        "    b    1b                    \n"
        "2:  mov  sp, r1                \n"
        "    bl   fw_c_start           \n"
        "    b    .                     \n"
        "    .ltorg                     \n");
}

void fw_c_start(void)
{
#if defined(__ARM_FP)
    /* CPACR: full access to CP10 and CP11, before any floating-point code. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm volatile("dsb\n\tisb" ::: "memory");
#endif
    memcpy(__data_start__, __data_load__,
           (size_t)((char *)__data_end__ - (char *)__data_start__));
    memset(__bss_start__, 0,
           (size_t)((char *)__bss_end__ - (char *)__bss_start__));
    initialise_monitor_handles();
    __libc_init_array();
    exit(main());
}

void Fault_Handler(void)
{
    __asm volatile(
        "    .syntax unified            \n"
        "    ldr  r0, =__StackTop       \n"  /* SP may be the cause: reset it */
        "    mov  sp, r0                \n"
        "    mrs  r0, ipsr              \n"
        "    bl   fw_fault             \n"
        "    b    .                     \n"
        "    .ltorg                     \n");
}

/* Raw semihosting: does not depend on newlib state (which may be broken). */
static inline void semihost_write0(const char *s)
{
    register uint32_t r0 __asm("r0") = 0x04;  /* SYS_WRITE0 */
    register const char *r1 __asm("r1") = s;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}

void fw_fault(uint32_t ipsr)
{
    char msg[] = "fgc: fault: exception ???\n";
    unsigned n = ipsr & 0x1FFu;
    msg[22] = (char)('0' + n / 100);
    msg[23] = (char)('0' + n / 10 % 10);
    msg[24] = (char)('0' + n % 10);
    semihost_write0(msg);
    _exit(99);
}

/* Heap for malloc: from the end of .bss to the end of RAM.  Replaces
 * librdimon's weak _sbrk, which compares against SP and so would refuse
 * all memory when the stack lies below the heap (our layout). */
void *_sbrk(ptrdiff_t incr)
{
    static char *brk = __HeapBase;
    char *prev = brk;
    if (incr > __HeapLimit - brk || incr < __HeapBase - brk) {
        errno = ENOMEM;
        return (void *)-1;
    }
    brk += incr;
    return prev;
}

/* ---- stack high-water mark ---- */
size_t fw_stack_size(void)
{
    return (size_t)((char *)__StackTop - (char *)__StackLimit);
}

/* Bytes of stack ever written since reset (the painted words never
 * overwritten are counted from the bottom). */
size_t fw_stack_peak(void)
{
    const volatile uint32_t *p = __StackLimit;
    while (p < __StackTop && *p == FW_STACK_PAINT)
        p++;
    return (size_t)((const char *)__StackTop - (const volatile char *)p);
}
