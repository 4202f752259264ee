package dev.kycevents.embedded;

/** The embedded PostgreSQL could not start; the message says what to do. */
public class EmbeddedStartException extends RuntimeException {

    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
