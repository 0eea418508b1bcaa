package dev.fgc.hil;

/** Why the device rejected a frame: the code in its ERROR frame's first byte. */
public enum DeviceError {
    CHECKSUM(1, "its checksum was wrong (corrupted on the line)"),
    LENGTH(2, "its length field was larger than the device accepts"),
    TYPE(3, "its type is unknown to the device"),
    SEQUENCE(4, "its sequence number was not the next one (a frame was lost)"),
    SIZE(5, "its payload has the wrong size for the model");

    private final int code;
    private final String meaning;

    DeviceError(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public static String describe(int code) {
        for (DeviceError e : values()) {
            if (e.code == code) {
                return e.meaning;
            }
        }
        return "unknown reason " + code;
    }
}
