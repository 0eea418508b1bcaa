/* ${banner} Verification inputs: ${count} examples of ${features} ${inputType} features. */
    .section .fw_inputs, "a"
    .balign 4
    .global fw_input_count
fw_input_count:
    .long ${count}
    .global fw_inputs
fw_inputs:
    .incbin "${binFile}"
