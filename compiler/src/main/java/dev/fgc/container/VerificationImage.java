package dev.fgc.container;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.fgc.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * The local image that holds every verification tool (containers/verify/Dockerfile), and the
 * checks that a Docker engine answers and has it. Nothing is ever pulled: these machines have no
 * registry, so the image is built locally by containers/prepare.sh.
 */
public final class VerificationImage {
    public static final String NAME = "fgc-verify:1";
    static final String HOW_TO_BUILD = "build it with containers/prepare.sh from fgc's repository (a local"
            + " debootstrap base image and containers/verify/Dockerfile; nothing is pulled)";

    private VerificationImage() {
    }

    /** Fails with what to do when Testcontainers cannot work here, before any container starts. */
    public static void check() {
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            throw new UserError("--in-container: set TESTCONTAINERS_RYUK_DISABLED=true (the ./fgc launcher does):"
                    + " Testcontainers' clean-up container would have to be pulled from a registry; fgc removes its"
                    + " container itself");
        }
        if (System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null
                && (Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv")))) {
            throw new UserError("--in-container: fgc itself runs in a container here, so set"
                    + " TESTCONTAINERS_HOST_OVERRIDE=localhost (the ./fgc launcher does); otherwise Testcontainers"
                    + " looks for the engine's address by pulling an image, which no registry serves");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new UserError("--in-container: no Docker engine answers (DOCKER_HOST or /var/run/docker.sock);"
                    + " install and start one: apt-get install -y docker.io && dockerd &, or run"
                    + " containers/prepare.sh");
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(NAME).exec();
        } catch (NotFoundException e) {
            throw new UserError("--in-container: the Docker engine has no image " + NAME + "; " + HOW_TO_BUILD);
        }
    }
}
