package dev.fgc.hil;

import com.fazecast.jSerialComm.SerialPort;
import dev.fgc.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A serial device (/dev/ttyACM0, /dev/ttyUSB0, COM3) at 8N1 through jSerialComm. */
final class SerialLink implements HilLink {
    private final SerialPort port;
    private final String name;

    private SerialLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    static SerialLink open(String device, int baud, Duration replyTimeout) {
        String name = device + "@" + baud;
        if (device.startsWith("/") && !Files.exists(Path.of(device))) {
            throw new UserError(device + ": no such serial device (is the board plugged in?)");
        }
        SerialPort port = SerialPort.getCommPort(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new UserError(device + ": cannot open the serial port (error " + port.getLastErrorCode()
                    + "; is it in use, or does this user lack permission, e.g. the dialout group?)");
        }
        SerialLink link = new SerialLink(port, name);
        link.setReplyTimeout(replyTimeout);
        return link;
    }

    @Override
    public void setReplyTimeout(Duration timeout) {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) Math.max(1, timeout.toMillis()), 0);
    }

    @Override
    public InputStream input() {
        return port.getInputStream();
    }

    @Override
    public OutputStream output() {
        return port.getOutputStream();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        port.closePort();
    }
}
