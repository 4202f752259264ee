package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.unsigned;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import dev.kycevents.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Senders using Svix's header names (svix-id, svix-timestamp, svix-signature) are Standard Webhooks senders too. */
@QuarkusTest
class SvixHeadersTest {

    static final Instant AT = Instant.parse("2025-06-19T17:14:13.123Z");

    @Inject
    Pool pool;
    Db db;

    final UUID event = UUID.randomUUID();
    final byte[] body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
    final String id = "msg_" + UUID.randomUUID();
    final long timestamp = Instant.now().getEpochSecond();
    final String signature = WebhookSignature.sign(Webhooks.SECRET, id, timestamp, body);

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    long stored() {
        return db.count("SELECT count(*) FROM events WHERE event_id = $1", event);
    }

    RequestSpecification svixSigned() {
        return unsigned(body).header("svix-id", id).header("svix-timestamp", String.valueOf(timestamp))
                .header("svix-signature", signature);
    }

    @Test
    void a_delivery_signed_under_svix_header_names_is_stored() {
        svixSigned().post("/webhooks/ralio").then().statusCode(200).body("received", equalTo(true));
        assertEquals(1, stored());
    }

    @Test
    void a_wrong_signature_under_svix_names_is_still_401() {
        unsigned(body).header("svix-id", id).header("svix-timestamp", String.valueOf(timestamp))
                .header("svix-signature", WebhookSignature.sign(Webhooks.SECRET, id, timestamp, "{}".getBytes()))
                .post("/webhooks/ralio").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:invalid-signature"));
        assertEquals(0, stored());
    }

    @Test
    void both_names_with_the_same_values_are_accepted() {
        svixSigned().header("webhook-id", id).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature)
                .post("/webhooks/ralio").then().statusCode(200);
        assertEquals(1, stored());
    }

    @Test
    void both_names_with_different_values_are_400_naming_the_header_and_store_nothing() {
        // The svix-* set is validly signed; a different webhook-id beside it leaves which id was meant unknown.
        svixSigned().header("webhook-id", "msg_other")
                .post("/webhooks/ralio").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:conflicting-headers"))
                .body("field", equalTo("svix-id"));
        assertEquals(0, stored());
    }
}
