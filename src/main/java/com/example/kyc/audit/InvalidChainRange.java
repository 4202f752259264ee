package com.example.kyc.audit;

import com.example.kyc.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** A from or to that {@code GET /audit/verify} cannot walk; answered 400 naming the parameter. */
public class InvalidChainRange extends RuntimeException {

    private final String parameter;

    public InvalidChainRange(String parameter, String detail) {
        super(detail, null, false, false); // the client's mistake: a stack trace would tell nobody anything
        this.parameter = parameter;
    }

    public Response toResponse() {
        return Problem.of(Status.BAD_REQUEST, "invalid-parameter", getMessage()).withField(parameter).toResponse();
    }
}
