package dev.kycevents.http;

import jakarta.ws.rs.WebApplicationException;

/**
 * A refusal that already knows its problem+json answer. A {@link WebApplicationException}, so JAX-RS
 * passes it on unchanged from a parameter converter as well as from a resource; {@link ProblemMapper}
 * answers it.
 */
public class ProblemException extends WebApplicationException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), problem.toResponse());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    // A refusal, not a fault: no stack trace worth keeping.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
