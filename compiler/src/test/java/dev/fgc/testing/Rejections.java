package dev.fgc.testing;

import dev.fgc.UserError;

/**
 * The contract the fuzz tests hold every parser to: an input is either accepted or rejected with a
 * {@link UserError} whose message is one line naming the input. The CLI prints that message alone
 * and exits 2, so anything else that escapes (a NullPointerException, an index error, an
 * OutOfMemoryError from a size taken on trust) would reach the user as a stack trace: a bug.
 */
public final class Rejections {
    private Rejections() {
    }

    public static void acceptOrReject(String source, Runnable parse) {
        try {
            parse.run();
        } catch (UserError e) {
            checkMessage(source, e.getMessage(), e);
        }
    }

    /** A rejection's message must stand alone on one line and say which input it is about. */
    public static void checkMessage(String source, String message, Throwable e) {
        if (message == null || message.isBlank() || message.contains("\n") || !message.contains(source)) {
            throw new AssertionError("a rejection must be one line naming " + source + ", got: " + message, e);
        }
    }
}
