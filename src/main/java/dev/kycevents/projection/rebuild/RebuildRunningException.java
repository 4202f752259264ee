package dev.kycevents.projection.rebuild;

import dev.kycevents.http.Problem;
import dev.kycevents.http.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** Another rebuild (in this or another instance) holds the rebuild lock. */
public class RebuildRunningException extends ProblemException {

    public RebuildRunningException() {
        super(Problem.of(Status.CONFLICT, "rebuild-running",
                "A rebuild is already running; try again when it has finished."));
    }
}
