/*
 * ${banner}
 * Start-up code for board ${board.name} (${board.core}); the same file serves every Cortex-M board.
 * The reset handler paints the stack (for the high-water mark), sets SP, enables the FPU where
 * there is one, guards the stack's lower end, copies .data, zeroes .bss, opens semihosting and
 * calls main; exit() ends the emulator with main's return value. newlib's _start is not used: it
 * asks the emulator for SYS_HEAPINFO and moves SP to wherever the emulator says (QEMU's PSRAM on
 * the MPS2 boards), outside the stack region this firmware reserves and measures.
 * Every other exception prints a line and exits with status 99, so a fault never hangs; the line
 * names a stack overflow when the stack ran past its limit (fw_stack_guard makes that fault).
 * Without semihosting (the hardware-in-the-loop firmware, which must run on a board with no
 * debugger attached) the start-up does not open it, and a fault stops the core where it is.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fw_firmware.h"

#define FW_STACK_PAINT 0xC5C5C5C5u

/* symbols from fw_link.ld */
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
void fw_fault(uint32_t ipsr, uint32_t sp) __attribute__((noreturn, used));

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

/* Stack overflow must fault, not silently run into other memory.
 * The stack is the lowest part of RAM (fw_link.ld).  On microbit and
 * mps2-an505 the addresses just below RAM are unmapped, so an overflow
 * faults by itself; on mps2-an385/386/500 they are a read-as-zero/
 * write-ignored "RESERVED" region, so a guard is needed:
 *   ARMv8-M Main (M33): MSPLIM = __StackLimit (UsageFault STKOF);
 *   ARMv7-M (M3/M4/M7): one MPU region, no access, just below __StackLimit
 *   (up to 64 KB, as large as the alignment of __StackLimit allows),
 *   background map on for everything else.  ARMv6-M (M0): nothing. */
static void fw_stack_guard(void)
{
#if defined(FW_NO_STACK_GUARD)
    /* disabled */
#elif defined(__ARM_ARCH_8M_MAIN__)
    __asm volatile("msr msplim, %0" : : "r"(__StackLimit));
#elif defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
    volatile uint32_t *const mpu_type = (volatile uint32_t *)0xE000ED90u;
    volatile uint32_t *const mpu_ctrl = (volatile uint32_t *)0xE000ED94u;
    volatile uint32_t *const mpu_rnr  = (volatile uint32_t *)0xE000ED98u;
    volatile uint32_t *const mpu_rbar = (volatile uint32_t *)0xE000ED9Cu;
    volatile uint32_t *const mpu_rasr = (volatile uint32_t *)0xE000EDA0u;
    uint32_t nregions = (*mpu_type >> 8) & 0xFFu;
    uint32_t limit = (uint32_t)(uintptr_t)__StackLimit;
    uint32_t size = 65536u;
    while (size >= 32u && (limit & (size - 1u)) != 0u)
        size >>= 1;
    if (nregions == 0u || size < 32u || limit < size)
        return;
    *mpu_rnr = nregions - 1u;               /* highest-priority region */
    *mpu_rbar = limit - size;
    *mpu_rasr = (1u << 28)                  /* XN */
              | (0u << 24)                  /* AP = no access */
              | ((uint32_t)(__builtin_ctz(size) - 1) << 1)  /* SIZE */
              | 1u;                         /* ENABLE */
    *mpu_ctrl = 5u;                         /* ENABLE | PRIVDEFENA */
    __asm volatile("dsb\n\tisb" ::: "memory");
#endif
}

void fw_c_start(void)
{
#if defined(__ARM_FP)
    /* CPACR: full access to CP10 and CP11, before any floating-point code. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm volatile("dsb\n\tisb" ::: "memory");
#endif
    fw_stack_guard();
    memcpy(__data_start__, __data_load__,
           (size_t)((char *)__data_end__ - (char *)__data_start__));
    memset(__bss_start__, 0,
           (size_t)((char *)__bss_end__ - (char *)__bss_start__));
<#if semihosting!true>
    initialise_monitor_handles();
</#if>
    __libc_init_array();
    exit(main());
}

void Fault_Handler(void)
{
    __asm volatile(
        "    .syntax unified            \n"
        "    mov  r1, sp                \n"  /* SP where the exception stacked its frame */
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

/* Writes v as 8 hex digits at p. */
static void fw_hex(char *p, uint32_t v)
{
    int i;
    for (i = 7; i >= 0; i--, v >>= 4)
        p[i] = "0123456789ABCDEF"[v & 0xFu];
}

/* Whether the fault is the stack running past __StackLimit. The hardware stacks an exception frame
 * (at most 26 words with the FPU's) below the faulting SP, so an SP within 128 bytes of the limit
 * means the frame itself did not fit; ARMv8-M also flags a limit violation (CFSR.STKOF), which
 * leaves SP where it was when the instruction that would cross the limit is refused. */
static int fw_stack_overflowed(uint32_t sp)
{
#if defined(__ARM_ARCH_8M_MAIN__)
    if ((*(volatile uint32_t *)0xE000ED28u & (1u << 20)) != 0u)
        return 1;
#endif
    return sp < (uint32_t)(uintptr_t)__StackLimit + 128u;
}

void fw_fault(uint32_t ipsr, uint32_t sp)
{
    char msg[] = "fgc: fault: exception ???\n";
    char overflow[] = "fgc: fault: stack overflow (exception ???, SP 0x________, stack limit 0x________)\n";
    unsigned n = ipsr & 0x1FFu;
    char *text = msg;
    char *code = msg + 22;
    if (fw_stack_overflowed(sp)) {
        text = overflow;
        code = overflow + 38;
        fw_hex(overflow + 48, sp);
        fw_hex(overflow + 72, (uint32_t)(uintptr_t)__StackLimit);
    }
    code[0] = (char)('0' + n / 100);
    code[1] = (char)('0' + n / 10 % 10);
    code[2] = (char)('0' + n % 10);
<#if semihosting!true>
    semihost_write0(text);
    _exit(99);
<#else>
    (void)text;
    for (;;) {
    }
</#if>
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
