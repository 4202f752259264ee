package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kycevents.support.MutatedBodies;
import dev.kycevents.support.MutatedBodies.Body;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser's half of the rule, without a database: a mutated body is either an event or refused with
 * {@link InvalidEventException} (nothing else escapes), and an accepted one reads back from the form jsonb stores
 * (numbers in full) within the expansion bound. HostileBodiesTest sends such bodies through the service.
 * Two seeds per run: a fixed one, so every run checks the same 2,000 bodies and a regression on them is never
 * luck, and a random one, so runs over time cover far more; the failure message names the seed and the shortest
 * failing body, since nothing shrinks it.
 */
class MutatedBodyPropertiesTest {

    static final int TRIES = 2_000;
    static final ObjectMapper JSONB_LIKE = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static LongStream seeds() {
        return LongStream.of(42, new Random().nextLong());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_body_is_refused_cleanly_or_read_back_from_its_stored_form(long seed) {
        Iterator<Body> bodies = new MutatedBodies(seed).bodies().limit(TRIES).iterator();
        int failures = 0;
        Body shortest = null;
        int shortestIndex = -1;
        Throwable shortestFailure = null;
        for (int i = 0; i < TRIES; i++) {
            Body body = bodies.next();
            try {
                check(body);
            } catch (Exception | AssertionError failure) {
                failures++;
                if (shortest == null || body.json().length() < shortest.json().length()) {
                    shortest = body;
                    shortestIndex = i;
                    shortestFailure = failure;
                }
            }
        }
        if (failures > 0) {
            fail(failures + " of " + TRIES + " bodies from seed " + seed + " break the property; the shortest, body "
                    + shortestIndex + " of the stream: " + shortest.json(), shortestFailure);
        }
    }

    private static void check(Body body) throws Exception {
        byte[] bytes = body.json().getBytes(StandardCharsets.UTF_8);
        EventParser.ParsedEvent parsed;
        try {
            parsed = EventParser.parseWebhook(bytes);
        } catch (InvalidEventException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
            return;
        }
        String stored = JSONB_LIKE.writeValueAsString(JsonLimits.mapper().readTree(parsed.payloadJson()));
        assertEquals(parsed.event(), EventParser.decodeStored(stored).event());
        assertTrue(stored.getBytes(StandardCharsets.UTF_8).length <= JsonLimits.maxStoredLength(bytes.length));
    }
}
