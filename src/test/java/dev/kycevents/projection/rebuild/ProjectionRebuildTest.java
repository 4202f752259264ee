package dev.kycevents.projection.rebuild;

import static dev.kycevents.support.Webhooks.REFUSED_FACE_MATCH;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.ingest.EventAppender;
import dev.kycevents.store.EventSource;
import dev.kycevents.store.NewEvent;
import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /admin/projections/rebuild: the read models again from the events, with the drift reported. */
@QuarkusTest
class ProjectionRebuildTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");

    @Inject
    Pool pool;
    @Inject
    EventAppender appender;

    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    static JsonPath rebuild() {
        return given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/projections/rebuild").then()
                .statusCode(200).extract().jsonPath();
    }

    Db db() {
        return new Db(pool);
    }

    /** Both read models, every column, in key order: equal texts mean equal tables. */
    String readModels() {
        return db().rows("SELECT string_agg(t::text, E'\\n' ORDER BY session_id) AS t FROM session_view t").get(0)
                .getString("t") + "\n--\n" + db().rows(
                "SELECT string_agg(t::text, E'\\n' ORDER BY user_id) AS t FROM kyc_level_view t").get(0).getString("t");
    }

    // Written out rather than taken from EventReader, so that a wrong filter there cannot agree with itself here.
    static final String FOLDED = "raw_body IS NOT NULL AND event_type NOT IN ('kyc_relationship_ended', "
            + "'kyc_legal_hold_placed', 'kyc_legal_hold_released', 'kyc_user_erased')";

    @Test
    void rebuilding_twice_gives_identical_read_models_and_no_drift_the_second_time() {
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1, REFUSED_FACE_MATCH))
                .statusCode(200);
        post(levelEvent(UUID.randomUUID(), user, T1.plusSeconds(5), "REGULAR")).statusCode(200);
        // A user whose only event is a retention event: folded into no read model.
        given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json")
                .body("{\"endedAt\":\"2025-01-01T00:00:00Z\"}")
                .post("/users/{uid}/relationship-end", UUID.randomUUID()).then().statusCode(200);
        rebuild();
        String first = readModels();

        JsonPath report = rebuild();
        assertEquals(first, readModels());
        assertEquals(0, report.getLong("drift.sessions"));
        assertEquals(0, report.getLong("drift.levels"));
        long head = db().count("SELECT last_position FROM event_log_head");
        assertEquals(head, report.getLong("position"));
        assertEquals(db().count("SELECT count(*) FROM events WHERE " + FOLDED), report.getLong("eventsReplayed"),
                "every event but retention events and erased rows");
        assertEquals(db().count("SELECT count(*) FROM session_view"), report.getLong("sessionRows"));
        assertEquals(db().count("SELECT count(*) FROM kyc_level_view"), report.getLong("levelRows"));
        assertEquals(db().count("SELECT count(DISTINCT user_id) FROM events WHERE " + FOLDED),
                report.getLong("levelRows"), "a level row for each user with an event the folds read");
    }

    @Test
    void a_tampered_read_model_shows_as_drift_and_is_repaired() {
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1)).statusCode(200);
        UUID other = UUID.randomUUID();
        post(levelEvent(UUID.randomUUID(), other, T1, "LIGHT")).statusCode(200);
        rebuild();

        db().query("UPDATE session_view SET state = 'VERIFIED', state_code = 3 WHERE session_id = $1", session);
        db().query("DELETE FROM kyc_level_view WHERE user_id = $1", other);
        JsonPath report = rebuild();

        assertEquals(1, report.getLong("drift.sessions"));
        assertEquals(1, report.getLong("drift.levels"));
        given().auth().oauth2(Tokens.user(user)).get("/sessions/{id}", session).then().statusCode(200)
                .body("state", equalTo("REVIEW"));
        assertEquals(1, db().count("SELECT count(*) FROM kyc_level_view WHERE user_id = $1", other));
    }

    @Test
    void the_rebuilt_read_models_equal_what_the_live_projection_made_of_every_kind_of_event() {
        rebuild();
        UUID second = UUID.randomUUID();
        SessionCreated created = new SessionCreated(UUID.randomUUID(), user, second, T1.plusSeconds(300),
                "https://verify.raliopay.com/session/xyz", T1.plusSeconds(300).plus(Duration.ofDays(7)));
        String payload = OwnEvents.json(created);
        appender.append(List.of(new NewEvent(created, payload, payload.getBytes(StandardCharsets.UTF_8),
                "application/json", EventSource.API))).await().atMost(Duration.ofSeconds(10));
        post(sessionEvent("kyc_session_verified", UUID.randomUUID(), user, session, T1.plusSeconds(60))).statusCode(200);
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1, REFUSED_FACE_MATCH))
                .statusCode(200); // late and older: lands before the verification
        post(sessionEvent("kyc_session_failed", UUID.randomUUID(), user, session, T1.plusSeconds(90))).statusCode(200);
        post(sessionEvent("kyc_session_expired", UUID.randomUUID(), user, second, T1.plusSeconds(900))).statusCode(200);
        post(sessionEvent("kyc_document_uploaded", UUID.randomUUID(), user, session, T1.plusSeconds(30)))
                .statusCode(200); // unknown type with a session
        post(levelEvent(UUID.randomUUID(), user, T1.plusSeconds(120), "REGULAR")).statusCode(200);
        post(levelEvent(UUID.randomUUID(), user, T1.plusSeconds(100), "LIGHT")).statusCode(200);

        JsonPath report = rebuild();
        assertEquals(0, report.getLong("drift.sessions"));
        assertEquals(0, report.getLong("drift.levels"));
        given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("level", equalTo("REGULAR")).body("version", equalTo(8))
                .body("sessions.state", org.hamcrest.Matchers.contains("EXPIRED", "VERIFIED"));
    }

    @Test
    void the_swapped_in_tables_keep_the_live_names_of_their_indexes_and_leave_nothing_behind() {
        List<String> before = indexes();
        rebuild();
        assertEquals(before, indexes());
        assertEquals(0, db().count("SELECT count(*) FROM pg_class WHERE relname LIKE '%\\_rebuild%' "
                + "OR relname LIKE '%\\_retired%'"));
    }

    List<String> indexes() {
        return db().rows("SELECT indexname FROM pg_indexes WHERE tablename IN ('session_view', 'kyc_level_view') "
                + "ORDER BY indexname").stream().map(row -> row.getString("indexname")).toList();
    }

    @Test
    void a_second_rebuild_while_one_runs_is_a_409_problem() {
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            holder.query("SELECT pg_advisory_lock(hashtext('kyc-events:projection-rebuild'))").execute()
                    .await().atMost(Duration.ofSeconds(10));
            given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/projections/rebuild").then()
                    .statusCode(409).contentType("application/problem+json");
        } finally {
            holder.query("SELECT pg_advisory_unlock_all()").execute().await().atMost(Duration.ofSeconds(10));
            holder.close().await().atMost(Duration.ofSeconds(10));
        }
        rebuild();
    }

    @Test
    void only_kyc_admin_may_rebuild() {
        given().post("/admin/projections/rebuild").then().statusCode(401);
        for (String token : new String[] {Tokens.group("compliance"), Tokens.group("kyc-service"), Tokens.user(user)}) {
            given().auth().oauth2(token).post("/admin/projections/rebuild").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
