package dev.fgc;

/**
 * A problem the user can fix: bad input, a missing tool, an unknown board, an unwritable output.
 * The CLI prints the message alone (no stack trace) and exits with {@link #EXIT_CODE}, so every
 * message must name the file or thing concerned and say what is wrong with it.
 */
public class UserError extends RuntimeException {
    public static final int EXIT_CODE = 2;
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
