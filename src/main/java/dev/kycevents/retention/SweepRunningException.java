package dev.kycevents.retention;

/** Another sweep (on this or another instance) holds the sweep lock. */
public class SweepRunningException extends RuntimeException {

    public SweepRunningException() {
        super("a retention sweep is already running", null, false, false);
    }
}
