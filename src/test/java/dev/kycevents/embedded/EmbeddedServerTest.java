package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {

    private final EmbeddedServer server = new EmbeddedServer(54321, Path.of("/data/pg|odd"));

    @Test
    void supplies_both_urls_and_the_user() {
        assertEquals(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:54321/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:54321/postgres",
                "quarkus.datasource.username", "postgres"), server.connectionProperties());
    }

    @Test
    void survives_the_trip_through_a_system_property() {
        assertEquals(Optional.of(server), EmbeddedServer.decode(server.encode()));
    }

    @Test
    void ignores_what_it_cannot_read() {
        assertTrue(EmbeddedServer.decode(null).isEmpty());
        assertTrue(EmbeddedServer.decode("").isEmpty());
        assertTrue(EmbeddedServer.decode("port|/data").isEmpty());
        assertTrue(EmbeddedServer.decode("|/data").isEmpty());
    }
}
