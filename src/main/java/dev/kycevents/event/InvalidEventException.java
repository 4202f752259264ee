package dev.kycevents.event;

/** A body that is not an acceptable event; {@code field} is the JSON path at fault, null for the whole body. */
public class InvalidEventException extends RuntimeException {

    private final String field;

    public InvalidEventException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
