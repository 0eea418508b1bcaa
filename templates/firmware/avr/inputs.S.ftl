/* ${banner} Verification inputs: ${count} examples of ${features} ${inputType} features, in program
 * memory (avr-libc's linker script puts .progmem* sections in the first 64 KB of flash, where LPM
 * reaches them). */
    .section .progmem.fw_inputs, "a", @progbits
    .global fw_input_count
    .type fw_input_count, @object
fw_input_count:
    .word ${count}
    .size fw_input_count, 2
    .global fw_inputs
    .type fw_inputs, @object
fw_inputs:
    .incbin "${binFile}"
    .size fw_inputs, . - fw_inputs
