package dev.kycevents.overload;

/** A request refused because its backlog is full: nothing of it was kept, and a retry may succeed. */
public class BacklogFullException extends RuntimeException {

    private final String backlog;

    public BacklogFullException(String backlog) {
        super(backlog + " backlog full", null, false, false); // expected under load: no stack trace
        this.backlog = backlog;
    }

    public String backlog() {
        return backlog;
    }
}
