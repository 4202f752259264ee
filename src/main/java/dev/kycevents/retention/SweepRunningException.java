package dev.kycevents.retention;

import dev.kycevents.http.Problem;
import dev.kycevents.http.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** Another sweep (on this or another instance) holds the sweep lock. */
public class SweepRunningException extends ProblemException {

    public SweepRunningException() {
        super(Problem.of(Status.CONFLICT, "sweep-running",
                "A retention sweep is already running; try again when it has finished."));
    }
}
