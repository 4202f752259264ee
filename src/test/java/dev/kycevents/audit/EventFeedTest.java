package dev.kycevents.audit;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's events and the global feed, for compliance, paged by position. */
@QuarkusTest
class EventFeedTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");

    @Inject
    Pool pool;

    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();
    final List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    static RequestSpecification compliance() {
        return given().auth().oauth2(Tokens.group("compliance"));
    }

    @BeforeEach
    void deliverThreeEvents() {
        post(sessionEvent("kyc_session_manual_review", ids.get(0), user, session, T1)).statusCode(200);
        post(sessionEvent("kyc_session_verified", ids.get(1), user, session, T1.plusSeconds(60))).statusCode(200);
        post(levelEvent(ids.get(2), user, T1.plusSeconds(120), "REGULAR")).statusCode(200);
    }

    @Test
    void a_users_events_come_in_position_order_with_their_payload_as_json_and_hex_hashes() {
        JsonPath page = compliance().get("/users/{uid}/events", user).then().statusCode(200)
                .body("events.eventId", contains(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString()))
                .body("events.type", contains("kyc_session_manual_review", "kyc_session_verified", "kyc_state_updated"))
                .body("events[0].userId", equalTo(user.toString()))
                .body("events[0].sessionId", equalTo(session.toString()))
                .body("events[2].sessionId", nullValue())
                .body("events[0].source", equalTo("ralio-webhook"))
                .body("events[0].occurredAt", equalTo("2025-06-19T17:14:13.123Z"))
                .body("events[0].payload.data.sessionId", equalTo(session.toString()))
                .body("events[2].payload.data.state", equalTo("REGULAR"))
                .body("events[0].hash", matchesPattern("[0-9a-f]{64}"))
                .body("events[0].prevHash", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath();

        Db db = new Db(pool);
        for (int i = 0; i < 3; i++) {
            long position = page.getLong("events[" + i + "].position");
            var stored = db.rows("SELECT encode(hash, 'hex') AS hash, encode(prev_hash, 'hex') AS prev, "
                    + "recorded_at FROM events WHERE position = $1", position).get(0);
            assertEquals(stored.getString("hash"), page.getString("events[" + i + "].hash"));
            assertEquals(stored.getString("prev"), page.getString("events[" + i + "].prevHash"));
            assertEquals(stored.getOffsetDateTime("recorded_at").toInstant().toString(),
                    page.getString("events[" + i + "].recordedAt"));
        }
        assertEquals(page.getLong("events[2].position"), page.getLong("nextAfter"));
    }

    @Test
    void a_users_events_page_by_position_until_an_empty_page_that_keeps_the_cursor() {
        JsonPath first = compliance().queryParam("limit", 2).get("/users/{uid}/events", user).then()
                .statusCode(200).body("events.eventId", contains(ids.get(0).toString(), ids.get(1).toString()))
                .extract().jsonPath();
        long after = first.getLong("nextAfter");
        assertEquals(first.getLong("events[1].position"), after);

        long last = compliance().queryParam("after", after).queryParam("limit", 2).get("/users/{uid}/events", user)
                .then().statusCode(200).body("events.eventId", contains(ids.get(2).toString()))
                .extract().jsonPath().getLong("nextAfter");

        compliance().queryParam("after", last).get("/users/{uid}/events", user).then().statusCode(200)
                .body("events", empty()).body("nextAfter", equalTo((int) last));
    }

    @Test
    void the_global_feed_continues_from_any_position_in_order() {
        long firstPosition = new Db(pool).count("SELECT position FROM events WHERE event_id = $1", ids.get(0));

        compliance().queryParam("after", firstPosition - 1).queryParam("limit", 3).get("/events").then()
                .statusCode(200)
                .body("events.position", contains((int) firstPosition, (int) firstPosition + 1, (int) firstPosition + 2))
                .body("events.eventId", contains(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString()))
                .body("nextAfter", equalTo((int) firstPosition + 2));
    }

    @Test
    void the_global_feed_defaults_to_the_start_of_the_log_and_100_events() {
        long stored = new Db(pool).count("SELECT count(*) FROM events");
        JsonPath page = compliance().get("/events").then().statusCode(200).extract().jsonPath();
        assertEquals(Math.min(100, stored), page.getList("events").size());
        assertEquals(1, page.getLong("events[0].position"));
    }

    @Test
    void an_unknown_user_has_an_empty_history() {
        compliance().get("/users/{uid}/events", UUID.randomUUID()).then().statusCode(200)
                .body("events", empty()).body("nextAfter", equalTo(0));
    }

    @Test
    void bad_paging_values_are_400_problems_naming_the_parameter() {
        String[][] cases = {{"after", "-1"}, {"after", "abc"}, {"after", "+3"}, {"after", " 3"}, {"limit", "0"}, {"limit", "1001"},
                {"limit", "ten"}, {"after", "99999999999999999999"}};
        for (String[] c : cases) {
            for (String path : new String[] {"/events", "/users/" + user + "/events"}) {
                compliance().queryParam(c[0], c[1]).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("field", equalTo(c[0]));
            }
        }
    }

    @Test
    void the_largest_page_is_1000_events() {
        compliance().queryParam("limit", 1000).get("/events").then().statusCode(200);
    }

    @Test
    void a_uid_that_is_not_a_uuid_is_400() {
        compliance().get("/users/not-a-uuid/events").then().statusCode(400).body("field", equalTo("uid"));
    }
}
