package dev.fgc.device;

import java.util.List;

/**
 * An external program fgc runs, with the Debian packages that provide it (and what else it needs
 * to be usable, e.g. newlib beside the compiler).
 */
public record Tool(String command, List<String> packages, String purpose) {

    public static final Tool ARM_GCC = new Tool("arm-none-eabi-gcc",
            List.of("gcc-arm-none-eabi", "libnewlib-arm-none-eabi"), "Cortex-M cross-compiler");
    public static final Tool ARM_NM = new Tool("arm-none-eabi-nm", List.of("binutils-arm-none-eabi"),
            "symbol sizes of Cortex-M images");
    public static final Tool ARM_SIZE = new Tool("arm-none-eabi-size", List.of("binutils-arm-none-eabi"),
            "section sizes of Cortex-M images");
    public static final Tool QEMU_ARM = new Tool("qemu-system-arm", List.of("qemu-system-arm"),
            "Cortex-M emulator");
    public static final Tool HOST_GCC = new Tool("gcc", List.of("gcc", "libc6-dev"),
            "host C compiler (builds QEMU's instruction-counting plugin and the simavr runner)");
    public static final Tool AVR_GCC = new Tool("avr-gcc", List.of("gcc-avr", "avr-libc", "binutils-avr"),
            "AVR cross-compiler");
    public static final Tool AVR_NM = new Tool("avr-nm", List.of("binutils-avr"), "symbol sizes of AVR images");
    public static final Tool AVR_SIZE = new Tool("avr-size", List.of("binutils-avr"), "section sizes of AVR images");
    /** A library, not a command: located by its header, as an absolute path. */
    public static final Tool SIMAVR_LIBRARY = new Tool("/usr/include/simavr/sim_avr.h",
            List.of("simavr", "libsimavr-dev"), "simavr's library (the AVR simulator the runner is built on)");
    public static final Tool CMAKE = new Tool("cmake", List.of("cmake"), "builds the packages of fgc export cmake");
    public static final Tool ARDUINO_BUILDER = new Tool("arduino-builder",
            List.of("arduino-builder", "arduino-core-avr", "arduino-ctags"),
            "Arduino's own sketch builder (builds the example of fgc export arduino)");

    /**
     * The second host compiler the tests build generated C with, for its own sanitizers and
     * warnings. Its sanitizer runtime (libclang-rt-*-dev) is only recommended by clang's
     * headers package, and the Provisioner installs without recommendations: hence libclang-rt-dev.
     */
    public static final Tool CLANG = new Tool("clang", List.of("clang", "libclang-rt-dev"),
            "host C compiler besides gcc (sanitized host runs of the generated C in the tests)");
    /** Its MISRA C 2012 addon is a Python script: python3 comes with the package. */
    public static final Tool CPPCHECK = new Tool("cppcheck", List.of("cppcheck", "python3"),
            "static analysis of the generated C and the runtime (cppcheck and its MISRA C 2012 addon)");

    public static final Tool CHROMIUM = new Tool("chromium", List.of("chromium"),
            "a headless browser (renders the HTML reports of fgc verify and fgc bench in the tests)");

    /**
     * clang's AddressSanitizer runtime, located by the absolute path clang expects it at: a clang
     * installed on its own (without libclang-rt-dev) compiles with -fsanitize but cannot link.
     */
    public static Tool clangSanitizerRuntime(java.nio.file.Path library) {
        return new Tool(library.toAbsolutePath().toString(), List.of("libclang-rt-dev"),
                "clang's sanitizer runtime (AddressSanitizer, UndefinedBehaviorSanitizer)");
    }

    public static List<Tool> forToolchain(String toolchain) {
        if ("arm-none-eabi".equals(toolchain)) {
            return List.of(ARM_GCC, ARM_NM, ARM_SIZE);
        }
        if ("avr".equals(toolchain)) {
            return List.of(AVR_GCC, AVR_NM, AVR_SIZE);
        }
        throw new IllegalArgumentException("unknown toolchain " + toolchain);
    }

    public static List<Tool> forEmulator(String emulator) {
        if ("qemu-system-arm".equals(emulator)) {
            return List.of(QEMU_ARM, HOST_GCC);
        }
        if ("simavr".equals(emulator)) {
            return List.of(SIMAVR_LIBRARY, HOST_GCC);
        }
        throw new IllegalArgumentException("unknown emulator " + emulator);
    }
}
