package dev.kycevents.embedded;

import java.util.Optional;

/**
 * Remembers the server started in this JVM. Dev-mode reloads and test-profile restarts load this
 * package again in a fresh class loader, so a static field would forget it; a system property does not.
 */
final class RunningServerRegistry {

    // Not a kyc.* or quarkus.* name: system properties are also configuration, and this is none.
    static final String PROPERTY = "dev.kycevents.embedded.running-server";

    private RunningServerRegistry() {
    }

    static Optional<EmbeddedServer> find() {
        return EmbeddedServer.decode(System.getProperty(PROPERTY));
    }

    static EmbeddedServer remember(EmbeddedServer server) {
        System.setProperty(PROPERTY, server.encode());
        return server;
    }
}
