package dev.kycevents.embedded;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Turns a failed embedded start into a message that says what to do about it. */
record StartFailureAdvice(Path dataDirectory, boolean runningAsRoot, boolean userNamespacesAvailable,
        OptionalLong leftOverServerPid, Path logFile, String logTail) {

    private static final String USE_EXISTING_SERVER = " Or use an existing PostgreSQL instead: set"
            + " QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL, plus QUARKUS_DATASOURCE_USERNAME"
            + " and QUARKUS_DATASOURCE_PASSWORD.";

    String message(Throwable cause) {
        StringBuilder text = new StringBuilder("The embedded PostgreSQL (data directory ")
                .append(dataDirectory).append(") could not start: ").append(cause.getMessage()).append('.');
        if (!logTail.isEmpty()) {
            text.append(" Its output (").append(logFile).append(") ends with: ").append(logTail);
        }
        if (leftOverServerPid.isPresent()) {
            long pid = leftOverServerPid.getAsLong();
            return text.append(" A PostgreSQL server (pid ").append(pid)
                    .append(") from an earlier run still uses this data directory: stop it (kill ").append(pid)
                    .append(") and start again.").append(USE_EXISTING_SERVER).toString();
        }
        if (runningAsRoot && !userNamespacesAvailable) {
            text.append(" PostgreSQL refuses to run as root, and user namespaces (unshare -U),"
                    + " which would let it run here, are not available.");
        }
        return text.append(" To fix it, run the service as a non-root user; or allow user namespaces")
                .append(" (`unshare -U true` must succeed; in a container, e.g. --security-opt seccomp=unconfined).")
                .append(USE_EXISTING_SERVER)
                .toString();
    }
}
