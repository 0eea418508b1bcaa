package dev.fgc.device;

import java.util.Optional;

/**
 * One run of a firmware image, however it ran (emulator, simulator, a board on a cable).
 *
 * @param exitCode  the status the firmware ended with
 * @param output    what it printed (semihosting or UART), as bytes in ISO-8859-1
 * @param diagnostics what the emulator itself said (its error stream), for messages
 * @param failure   why the run went wrong when it did not end by itself (a fault, a crash)
 * @param intervals how many begin/end marker pairs the firmware passed
 * @param counted   the work counted between the markers, over all intervals, in {@code unit}
 * @param unit      what {@code counted} counts
 */
public record DeviceRun(int exitCode, String output, String diagnostics, Optional<String> failure, long intervals, long counted,
                        Unit unit) {

    /** What a runner counts between the markers. */
    public enum Unit {
        /** executed instructions (QEMU's plugin; QEMU models no cycles) */
        INSTRUCTIONS("instructions"),
        /** processor cycles (a cycle-accurate simulator) */
        CYCLES("cycles");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The count per interval, rounded; 0 without intervals. */
    public long perInterval() {
        return intervals == 0 ? 0 : Math.round((double) counted / intervals);
    }
}
