package dev.fgc.hil;

import dev.fgc.DeviceFailure;

/** The device's side of the link broke the protocol: a corrupted, lost, unexpected or rejected frame. */
public final class ProtocolError extends DeviceFailure {
    private static final long serialVersionUID = 1L;

    public ProtocolError(String message) {
        super(message);
    }
}
