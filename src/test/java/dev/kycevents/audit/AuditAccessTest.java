package dev.kycevents.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Who may use the audit endpoints: compliance reads them, nobody else; kyc-admin rebuilds. */
@QuarkusTest
class AuditAccessTest {

    static final UUID USER = UUID.randomUUID();

    /** Each audit read, as a request to send with some token. */
    static final List<Function<RequestSpecification, io.restassured.response.Response>> AUDIT_READS = List.of(
            r -> r.get("/events"),
            r -> r.get("/users/{uid}/events", USER),
            r -> r.get("/events/{id}/raw", UUID.randomUUID()),
            r -> r.get("/audit/export?from=1&to=1"),
            r -> r.queryParam("asOf", "2025-06-19T17:14:13Z").get("/users/{uid}/kyc", USER));

    @Test
    void audit_reads_without_a_token_are_401() {
        AUDIT_READS.forEach(read -> read.apply(given()).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:kyc-events:problem:unauthorized")));
    }

    @Test
    void audit_reads_with_the_users_own_token_the_kyc_service_or_kyc_admin_are_403_problems() {
        for (String token : new String[] {Tokens.user(USER), Tokens.group("kyc-service"), Tokens.group("kyc-admin")}) {
            AUDIT_READS.forEach(read -> read.apply(given().auth().oauth2(token)).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:kyc-events:problem:forbidden")));
        }
    }

    @Test
    void compliance_may_use_every_audit_read() {
        String token = Tokens.group("compliance");
        AUDIT_READS.forEach(read -> {
            int status = read.apply(given().auth().oauth2(token)).statusCode();
            if (status != 200 && status != 404) { // 404: the random event id of the raw read
                throw new AssertionError("compliance got " + status);
            }
        });
    }

    @Test
    void the_rebuild_needs_kyc_admin() {
        given().post("/admin/projections/rebuild").then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
        for (String token : new String[] {Tokens.user(USER), Tokens.group("kyc-service"), Tokens.group("compliance")}) {
            given().auth().oauth2(token).post("/admin/projections/rebuild").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("This token's groups do not allow POST /admin/projections/rebuild."));
        }
    }

    @Test
    void a_refused_audit_read_names_the_request() {
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/events", USER).then().statusCode(403)
                .body("detail", equalTo("This token's groups do not allow GET /users/" + USER + "/events."));
    }
}
