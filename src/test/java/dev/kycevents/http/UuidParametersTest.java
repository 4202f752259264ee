package dev.kycevents.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID parameters are read before a resource runs; anything else is a 400 problem naming the parameter. */
class UuidParametersTest {

    static final String SESSION = "550e8400-e29b-41d4-a716-446655440002";

    // Stands in for the parameter's own annotations, as JAX-RS hands them to the provider.
    @SuppressWarnings("unused")
    static void resource(@PathParam("sessionId") UUID sessionId, @QueryParam("user") UUID user) {
    }

    static ParamConverter<UUID> converter(int parameter) throws NoSuchMethodException {
        Annotation[] annotations = UuidParametersTest.class.getDeclaredMethod("resource", UUID.class, UUID.class)
                .getParameterAnnotations()[parameter];
        return new UuidParameters().getConverter(UUID.class, UUID.class, annotations);
    }

    @Test
    void a_canonical_uuid_is_read_in_either_case() throws Exception {
        assertEquals(UUID.fromString(SESSION), converter(0).fromString(SESSION));
        assertEquals(UUID.fromString(SESSION), converter(0).fromString(SESSION.toUpperCase()));
    }

    @Test
    void anything_else_is_a_400_problem_naming_the_path_parameter() throws Exception {
        for (String text : new String[] {"not-a-uuid", "", "1-2-3-4-5", SESSION + "0", "{" + SESSION + "}"}) {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                    () -> converter(0).fromString(text), text);
            assertEquals(new Problem("urn:kyc-events:problem:invalid-parameter", "Bad Request", 400,
                    "sessionId must be a UUID", "sessionId"), refused.problem());
        }
    }

    @Test
    void a_query_parameter_is_named_too() throws Exception {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> converter(1).fromString("42"));
        assertEquals("user", refused.problem().field());
        assertEquals("user must be a UUID", refused.problem().detail());
    }

    @Test
    void the_refusal_passes_through_jax_rs_unchanged() throws Exception {
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> converter(0).fromString("x"));
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals(Problem.MEDIA_TYPE, refused.getResponse().getMediaType().toString());
    }

    @Test
    void other_types_are_left_to_jax_rs() {
        assertNull(new UuidParameters().getConverter(String.class, String.class, new Annotation[0]));
    }
}
