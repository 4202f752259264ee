package dev.kycevents.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** With no datasource configured, the service runs on the embedded PostgreSQL. */
@QuarkusTest
class EmbeddedDatabaseTest {

    @Inject
    Pool pool;

    @Test
    void readiness_is_up_because_the_embedded_database_answers() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void reactive_client_reaches_postgresql_17() {
        assertThat(EmbeddedServerProbe.query(pool, "SELECT version()"), startsWith("PostgreSQL 17"));
    }

    @Test
    void tests_use_a_throw_away_data_directory() {
        Path dataDir = Path.of(EmbeddedServerProbe.query(pool, "SHOW data_directory")).toAbsolutePath();
        assertThat(dataDir.toString(), startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString()));
    }

    @Test
    void every_test_profile_shares_one_server() {
        EmbeddedServerProbe.assertSameServerAsOtherTestProfiles(pool);
    }
}
