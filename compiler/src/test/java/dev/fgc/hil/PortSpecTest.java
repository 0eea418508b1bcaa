package dev.fgc.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.UserError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortSpecTest {
    @Test
    void parsesTcpAndSerialSpecs() {
        assertEquals(new PortSpec("tcp:127.0.0.1:4000", "127.0.0.1", 4000, null, 0),
                PortSpec.parse("tcp:127.0.0.1:4000"));
        assertEquals(new PortSpec("/dev/ttyACM0", null, 0, "/dev/ttyACM0", 115200), PortSpec.parse("/dev/ttyACM0"));
        assertEquals(new PortSpec("/dev/ttyUSB1@9600", null, 0, "/dev/ttyUSB1", 9600),
                PortSpec.parse("/dev/ttyUSB1@9600"));
    }

    @Test
    void badSpecsAreNamed() {
        UserError e = assertThrows(UserError.class, () -> PortSpec.parse("tcp:localhost:http"));
        assertTrue(e.getMessage().contains("'http' is not a number from 1 to 65535"), e.getMessage());
        e = assertThrows(UserError.class, () -> PortSpec.parse("tcp:4000"));
        assertTrue(e.getMessage().contains("expected tcp:HOST:PORT"), e.getMessage());
    }

    @Test
    void missingSerialDeviceIsNamed() {
        UserError e = assertThrows(UserError.class,
                () -> PortSpec.parse("/dev/ttyFGCNONE0").open(Duration.ofSeconds(1)));
        assertEquals("/dev/ttyFGCNONE0: no such serial device (is the board plugged in?)", e.getMessage());
    }

    @Test
    void serialLibraryOpensAPseudoTerminal() throws Exception {
        // /dev/ptmx exists on every Linux; opening it through jSerialComm proves the native part loads
        try (HilLink link = PortSpec.parse("/dev/ptmx").open(Duration.ofMillis(100))) {
            assertEquals("/dev/ptmx@115200", link.name());
        }
    }
}
