package dev.kycevents.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** The query API's refusals, worded once. */
public final class Problems {

    private Problems() {
    }

    public static Response notAUuid(String parameter) {
        return Problem.of(Status.BAD_REQUEST, "invalid-parameter", parameter + " must be a UUID")
                .withField(parameter).toResponse();
    }

    /** {@code detail} says what was refused, e.g. "This token may not start a verification for this user." */
    public static Response forbidden(String detail) {
        return Problem.of(Status.FORBIDDEN, "forbidden", detail).toResponse();
    }

    /** Erased at the end of the retention period: it existed, and will not come back. */
    public static Response gone(String detail) {
        return Problem.of(Status.GONE, "erased", detail).toResponse();
    }

    public static Response notFound(String detail) {
        return Problem.of(Status.NOT_FOUND, "not-found", detail).toResponse();
    }
}
