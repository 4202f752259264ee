package dev.kycevents.http;

import io.vertx.pgclient.PgException;

/**
 * How a failure is named in logs: its type and, from PostgreSQL, the SQLSTATE. Never the message:
 * driver messages can quote parameter values, and parameters carry request bodies.
 */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof PgException pg) {
            return "PgException sqlstate=" + pg.getSqlState();
        }
        return cause.getClass().getSimpleName();
    }
}
