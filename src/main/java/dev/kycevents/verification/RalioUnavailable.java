package dev.kycevents.verification;

import dev.kycevents.http.LogSafe;
import jakarta.ws.rs.WebApplicationException;

/**
 * Ralio did not give a usable session: unreachable, too slow, an error status or a malformed answer.
 * The reason is safe to log; it never quotes the request (which carries the API key) or the answer.
 */
public class RalioUnavailable extends RuntimeException {

    public RalioUnavailable(String reason) {
        super(reason, null, false, false); // no stack trace: the reason says all, and it is an expected outcome
    }

    /** Names a failure of the call by its status or its type, never by its message. */
    static RalioUnavailable of(Throwable failure) {
        if (failure instanceof RalioUnavailable known) {
            return known;
        }
        if (failure instanceof WebApplicationException answered) {
            return new RalioUnavailable("status " + answered.getResponse().getStatus());
        }
        return new RalioUnavailable(LogSafe.failure(failure));
    }
}
