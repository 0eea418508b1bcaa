package dev.fgc.cli;

import dev.fgc.UserError;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}: how long one emulator run may take. */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "longest an emulator run may take (default 300)")
    long timeoutSeconds;

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new UserError("--timeout " + timeoutSeconds + ": must be at least 1 second");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
