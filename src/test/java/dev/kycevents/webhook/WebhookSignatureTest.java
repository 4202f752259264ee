package dev.kycevents.webhook;

import dev.kycevents.signature.StandardWebhooks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The Standard Webhooks specification's published test vector.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant SENT = Instant.ofEpochSecond(1614265330);
    static final String OTHER_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("rotated".getBytes());

    final WebhookSignature verifier = new WebhookSignature(List.of(SECRET), Duration.ofMinutes(5));

    @Test
    void the_published_vector_signs_to_the_published_signature() {
        assertEquals(SIGNATURE, StandardWebhooks.sign(SECRET, ID, 1614265330, BODY));
    }

    @Test
    void the_published_vector_verifies() {
        assertEquals(SignatureVerdict.VALID, verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT));
    }

    @Test
    void any_of_several_signatures_may_match() {
        String header = "v1,Zm9vYmFy v2,whatever " + SIGNATURE;
        assertEquals(SignatureVerdict.VALID, verifier.verify(ID, TIMESTAMP, header, BODY, SENT));
    }

    @Test
    void a_second_secret_is_accepted_while_a_key_is_rotated() {
        WebhookSignature rotating = new WebhookSignature(List.of(OTHER_SECRET, SECRET), Duration.ofMinutes(5));
        assertEquals(SignatureVerdict.VALID, rotating.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT));
        String signedWithNew = StandardWebhooks.sign(OTHER_SECRET, ID, 1614265330, BODY);
        assertEquals(SignatureVerdict.VALID, rotating.verify(ID, TIMESTAMP, signedWithNew, BODY, SENT));
    }

    @Test
    void exactly_five_minutes_either_way_is_accepted() {
        assertEquals(SignatureVerdict.VALID, verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(300)));
        assertEquals(SignatureVerdict.VALID, verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(300)));
    }

    @Test
    void signature_outside_tolerance_is_rejected_in_both_directions() {
        assertEquals(SignatureVerdict.TIMESTAMP_TOO_OLD,
                verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(301)));
        assertEquals(SignatureVerdict.TIMESTAMP_IN_FUTURE,
                verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301)));
    }

    @Test
    void a_changed_body_id_or_timestamp_is_rejected() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertEquals(SignatureVerdict.NO_MATCHING_SIGNATURE, verifier.verify(ID, TIMESTAMP, SIGNATURE, changed, SENT));
        assertEquals(SignatureVerdict.NO_MATCHING_SIGNATURE,
                verifier.verify("msg_other", TIMESTAMP, SIGNATURE, BODY, SENT));
        assertEquals(SignatureVerdict.NO_MATCHING_SIGNATURE,
                verifier.verify(ID, "1614265331", SIGNATURE, BODY, SENT));
    }

    @Test
    void missing_headers_and_garbage_are_rejected() {
        assertEquals(SignatureVerdict.MISSING_HEADERS, verifier.verify(null, TIMESTAMP, SIGNATURE, BODY, SENT));
        assertEquals(SignatureVerdict.MISSING_HEADERS, verifier.verify(ID, null, SIGNATURE, BODY, SENT));
        assertEquals(SignatureVerdict.MISSING_HEADERS, verifier.verify(ID, TIMESTAMP, " ", BODY, SENT));
        assertEquals(SignatureVerdict.BAD_TIMESTAMP, verifier.verify(ID, "soon", SIGNATURE, BODY, SENT));
        assertEquals(SignatureVerdict.NO_MATCHING_SIGNATURE, verifier.verify(ID, TIMESTAMP, "v1,!!!", BODY, SENT));
    }

    @Test
    void with_no_secret_nothing_verifies() {
        WebhookSignature none = new WebhookSignature(List.of(), Duration.ofMinutes(5));
        assertFalse(none.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT).valid());
    }

    @Test
    void a_malformed_secret_is_refused_without_echoing_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookSignature(List.of("whsec_***not-base64***"), Duration.ofMinutes(5)));
        assertFalse(e.getMessage().contains("not-base64"));
    }
}
