package dev.kycevents.http;

import io.vertx.pgclient.PgException;

/**
 * What may appear in a log line. A request-supplied text: at most {@link #MAX_CHARS} characters,
 * printable ASCII only; anything else (line breaks, control and format characters, non-ASCII) is
 * written as a {@code \}{@code uXXXX} escape, so a value can neither forge a log line nor fill one.
 * A failure: its type and, from PostgreSQL, the SQLSTATE, never its message.
 */
public final class LogSafe {

    public static final int MAX_CHARS = 100;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 24);
        int shown = Math.min(value.length(), MAX_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > MAX_CHARS) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /** A failure's root cause by type; driver messages can quote parameter values, and those carry request bodies. */
    public static String failure(Throwable failure) {
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
