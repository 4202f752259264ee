package dev.kycevents.http;

/** A query or path parameter that cannot be used; answered 400 naming the parameter. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail, null, false, false); // a client's mistake: no stack trace worth keeping
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
