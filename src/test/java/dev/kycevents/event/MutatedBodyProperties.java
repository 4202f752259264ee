package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.MutatedBodies;
import dev.kycevents.support.MutatedBodies.Body;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser's half of the rule, without a database, on jqwik's own engine: a mutated body is either an event or
 * refused with {@link InvalidEventException} (nothing else escapes), and an accepted one reads back from the form
 * jsonb stores (numbers in full) within the expansion bound. HostileBodiesTest sends such bodies through the service.
 */
class MutatedBodyProperties {

    static final ObjectMapper JSONB_LIKE = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    @Provide
    Arbitrary<Body> bodies() {
        return new MutatedBodies(42).bodies();
    }

    @Property(tries = 2000)
    void a_body_is_refused_cleanly_or_read_back_from_its_stored_form(@ForAll("bodies") Body body) throws Exception {
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
