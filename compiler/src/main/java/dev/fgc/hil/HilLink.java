package dev.fgc.hil;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A byte stream to a device running the hardware-in-the-loop firmware: a serial port or a TCP socket. */
public interface HilLink extends Closeable {
    InputStream input();

    OutputStream output();

    /** What the link is, for messages: the port spec the user gave. */
    String name();

    /** How long a read waits for the device before it fails with an {@code InterruptedIOException}. */
    void setReplyTimeout(Duration timeout);
}
