package dev.fgc.verify;

/** The device did not produce a full set of results (fault, bad exit code, garbled output): exit code 1. */
public class VerificationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VerificationFailure(String message) {
        super(message);
    }
}
