package dev.kycevents.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one set of JSON limits for the whole service: webhook intake and every reader of stored payloads (projection,
 * rebuild, verify, explain, as-of) parse with these, so a body that intake accepts is never refused on read-back.
 * Intake also refuses what PostgreSQL's jsonb would store in a longer form than intake's own number limit allows
 * ({@link PostgresJsonLimits}), since readers see the stored form, not the body; readers accept longer numbers
 * than intake does, so that events stored before that limit still read.
 */
public final class JsonLimits {

    /** Deep enough for any real check data, shallow enough to bound the work per body. */
    public static final int MAX_DEPTH = 32;

    /**
     * Characters in one number that intake accepts, both as written in the body and written out in full without an
     * exponent, as jsonb stores and prints it ({@code 1e99} is 100 digits): scores, amounts and ids fit;
     * {@code 1e1000} does not.
     */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * Characters in one number that a reader accepts: Jackson's default, so every stored event reads. Above
     * {@link #MAX_NUMBER_LENGTH}, so whatever intake accepts, every reader reads.
     */
    public static final int MAX_STORED_NUMBER_LENGTH = 1000;

    /** Characters in one string value: as long as the largest body accepted by default (1 MiB). */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    /** Characters in one field name: Jackson's default, so every stored event reads. */
    public static final int MAX_NAME_LENGTH = 50_000;

    /**
     * A stored payload, as jsonb prints it, may be at most twice its body plus this many bytes: jsonb adds a space
     * after each colon and comma, and numbers are printed in full, so this bounds what one event can grow to.
     */
    public static final int EXPANSION_SLACK = 1024;

    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_STORED_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(CONSTRAINTS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers as written, never rounded: a payload compares to its raw body digit for digit.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonLimits() {
    }

    /** The strict reader: these limits, duplicate keys and trailing content refused, numbers exact. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The largest a payload may print as, for a body of {@code bodyBytes}. */
    public static long maxStoredLength(long bodyBytes) {
        return 2 * bodyBytes + EXPANSION_SLACK;
    }
}
