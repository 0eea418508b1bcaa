package dev.fgc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fgc.container.VerificationImage;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The verification image holds every tool fgc's boards need, ready to run without installing anything. */
@Testcontainers
class VerificationImageTest {
    @org.testcontainers.junit.jupiter.Container
    private static final GenericContainer<?> IMAGE = new GenericContainer<>(DockerImageName.parse(VerificationImage.NAME))
            .withCommand("sleep", "infinity");

    @Test
    void holdsEveryToolchainAndEmulator() throws Exception {
        for (String[] cmd : new String[][] {{"java", "-version"}, {"arm-none-eabi-gcc", "--version"},
                {"qemu-system-arm", "--version"}, {"gcc", "--version"}, {"avr-gcc", "--version"},
                {"sh", "-c", "command -v simavr && test -f /usr/include/simavr/sim_avr.h"}}) {
            Container.ExecResult r = IMAGE.execInContainer(cmd);
            assertEquals(0, r.getExitCode(), String.join(" ", cmd) + ": " + r.getStdout() + r.getStderr());
        }
    }

    @Test
    void neverInstallsAtRunTime() throws Exception {
        Container.ExecResult r = IMAGE.execInContainer("sh", "-c", "echo $FGC_NO_INSTALL");
        assertTrue(r.getStdout().strip().equals("1"), r.getStdout());
    }
}
