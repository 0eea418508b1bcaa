/* ${banner} Linker script for board ${board.name}.
 * RAM layout (low -> high): [ stack | .data | .bss | heap ]. The stack sits at the bottom of RAM
 * so that an overflow runs into unmapped memory and faults (exit code 99) instead of silently
 * corrupting .data or .bss. */
MEMORY
{
  FLASH (rx)  : ORIGIN = ${board.flashOrigin}, LENGTH = ${board.flashSize}
  RAM   (rwx) : ORIGIN = ${board.ramOrigin}, LENGTH = ${board.ramSize}
}

ENTRY(Reset_Handler)

SECTIONS
{
  .text :
  {
    KEEP(*(.isr_vector))          /* must be first: initial SP + reset vector */
    *(.text .text.* .gnu.linkonce.t.*)
    KEEP(*(.init))
    KEEP(*(.fini))
    KEEP(*(.eh_frame*))
    . = ALIGN(4);
  } > FLASH

  /* Constants apart from code, so that symbol tools see them as read-only data. */
  .rodata :
  {
    *(.rodata .rodata.* .gnu.linkonce.r.*)
    . = ALIGN(4);
  } > FLASH

  .ARM.extab : { *(.ARM.extab* .gnu.linkonce.armextab.*) } > FLASH
  .ARM.exidx :
  {
    __exidx_start = .;
    *(.ARM.exidx* .gnu.linkonce.armexidx.*)
    __exidx_end = .;
  } > FLASH

  .init_arrays :
  {
    . = ALIGN(4);
    PROVIDE_HIDDEN(__preinit_array_start = .);
    KEEP(*(.preinit_array))
    PROVIDE_HIDDEN(__preinit_array_end = .);
    PROVIDE_HIDDEN(__init_array_start = .);
    KEEP(*(SORT(.init_array.*)))
    KEEP(*(.init_array))
    PROVIDE_HIDDEN(__init_array_end = .);
    PROVIDE_HIDDEN(__fini_array_start = .);
    KEEP(*(SORT(.fini_array.*)))
    KEEP(*(.fini_array))
    PROVIDE_HIDDEN(__fini_array_end = .);
  } > FLASH

  /* Verification inputs: kept in flash, in a section of their own so size reports can leave them out. */
  .fw_inputs :
  {
    . = ALIGN(8);
    __fw_inputs_start = .;
    KEEP(*(.fw_inputs .fw_inputs.*))
    . = ALIGN(4);
    __fw_inputs_end = .;
  } > FLASH

  .stack (NOLOAD) :
  {
    . = ALIGN(8);
    __StackLimit = .;
    . = . + ${board.stackSize};
    . = ALIGN(8);
    __StackTop = .;
  } > RAM

  .data :
  {
    . = ALIGN(8);
    __data_start__ = .;
    *(vtable)
    *(.data .data.* .gnu.linkonce.d.*)
    KEEP(*(.jcr*))
    . = ALIGN(8);
    __data_end__ = .;
  } > RAM AT> FLASH
  __data_load__ = LOADADDR(.data);
  __flash_used__ = LOADADDR(.data) + SIZEOF(.data) - ORIGIN(FLASH);

  .bss (NOLOAD) :
  {
    . = ALIGN(8);
    __bss_start__ = .;
    *(.bss .bss.* .gnu.linkonce.b.*)
    *(COMMON)
    . = ALIGN(8);
    __bss_end__ = .;
  } > RAM

  /* heap: from the end of .bss to the end of RAM (see _sbrk in startup.c) */
  end = .;
  __end__ = .;
  __HeapBase = .;
  __HeapLimit = ORIGIN(RAM) + LENGTH(RAM);

  ASSERT(__HeapBase <= __HeapLimit, "RAM overflow: .stack+.data+.bss do not fit")
}
