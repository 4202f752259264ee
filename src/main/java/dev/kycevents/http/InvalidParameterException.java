package dev.kycevents.http;

import jakarta.ws.rs.core.Response.Status;

/** A query or path parameter that cannot be used; answered 400 naming the parameter. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter, String detail) {
        super(Problem.of(Status.BAD_REQUEST, "invalid-parameter", detail).withField(parameter));
    }
}
