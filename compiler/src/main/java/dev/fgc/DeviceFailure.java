package dev.fgc;

/**
 * The device (or its emulator) did not deliver a full set of results: a fault, a hang, a bad exit
 * code or garbled output. Like a disagreement with the reference, it exits with code 1.
 */
public class DeviceFailure extends RuntimeException {
    public static final int EXIT_CODE = 1;
    private static final long serialVersionUID = 1L;

    public DeviceFailure(String message) {
        super(message);
    }
}
