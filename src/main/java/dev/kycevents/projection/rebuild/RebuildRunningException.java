package dev.kycevents.projection.rebuild;

/** Another rebuild (in this or another instance) holds the rebuild lock. */
public class RebuildRunningException extends RuntimeException {

    public RebuildRunningException() {
        super("a rebuild is already running", null, false, false);
    }
}
