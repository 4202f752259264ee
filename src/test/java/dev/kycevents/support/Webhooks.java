package dev.kycevents.support;

import dev.kycevents.signature.StandardWebhooks;
import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds and signs Ralio webhooks the way Ralio does, and posts them. */
public final class Webhooks {

    /** The Standard Webhooks specification's published test secret; the test profile trusts it. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The second, rotated secret of the test profile. */
    public static final String ROTATED_SECRET = "whsec_dGVzdC1yb3RhdGVkLXNlY29uZC1rZXktMDEyMzQ1";

    // Never let rest-assured add "charset=ISO-8859-1" to application/json.
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Webhooks() {
    }

    public static ValidatableResponse post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    public static ValidatableResponse post(byte[] body) {
        return signed(body, SECRET, Instant.now()).post("/webhooks/ralio").then();
    }

    /** A request signed with {@code secret} at {@code at}, ready to post. */
    public static RequestSpecification signed(byte[] body, String secret, Instant at) {
        String id = "msg_" + UUID.randomUUID();
        long timestamp = at.getEpochSecond();
        return unsigned(body)
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(secret, id, timestamp, body));
    }

    public static RequestSpecification unsigned(byte[] body) {
        return given().config(RAW).contentType("application/json").body(body);
    }

    /** The same signed delivery as a java.net.http request, for tests that need many connections at once. */
    public static HttpRequest httpRequest(URI endpoint, byte[] body) {
        String id = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(SECRET, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    public static String sessionEvent(String type, UUID eventId, UUID userId, UUID sessionId, Instant at) {
        return sessionEvent(type, eventId, userId, sessionId, at, "[]");
    }

    public static String sessionEvent(String type, UUID eventId, UUID userId, UUID sessionId, Instant at,
                                      String checksJson) {
        return """
                {"id":"%s","event":"%s","timestamp":"%s","data":{"sessionId":"%s","userId":"%s","checks":%s}}"""
                .formatted(eventId, type, at, sessionId, userId, checksJson);
    }

    public static String levelEvent(UUID eventId, UUID userId, Instant at, String level) {
        return """
                {"id":"%s","event":"kyc_state_updated","timestamp":"%s","data":{"userId":"%s","state":"%s"}}"""
                .formatted(eventId, at, userId, level);
    }

    /** A refused face-matching check, as in Ralio's manual-review example. */
    public static final String REFUSED_FACE_MATCH = """
            [{"type":"document-verification","state":"Validated","data":{},"reasons":[]},
             {"type":"face-matching","state":"Refused","data":{},"reasons":[
               {"type":"face-match","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}]""";

    public static byte[] fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
