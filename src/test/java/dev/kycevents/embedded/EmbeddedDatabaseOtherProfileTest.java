package dev.kycevents.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second test profile restarts Quarkus in the same JVM; it must find the same embedded server. */
@QuarkusTest
@TestProfile(EmbeddedDatabaseOtherProfileTest.OtherProfile.class)
class EmbeddedDatabaseOtherProfileTest {

    public static class OtherProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.application.name", "kyc-events-other-profile");
        }
    }

    @Inject
    Pool pool;

    @Test
    void readiness_is_up_after_the_restart() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void reuses_the_server_of_the_other_profiles() {
        EmbeddedServerProbe.assertSameServerAsOtherTestProfiles(pool);
    }
}
