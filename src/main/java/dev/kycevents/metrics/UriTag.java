package dev.kycevents.metrics;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which values of the HTTP server meters' {@code uri} tag may be published. A request refused
 * before routing (431 header too large, 413, 414, a bad request line) is tagged with its raw path,
 * and a raw path can carry a user id; so a value is kept only when it is a route template, one of
 * the fixed labels, or a path made of plain words, the vocabulary of this service's routes. Anything
 * else, including every UUID, becomes {@code UNKNOWN}.
 */
final class UriTag {

    static final String UNKNOWN = "UNKNOWN";

    private static final Set<String> LABELS = Set.of("NOT_FOUND", "REDIRECTION", "root", UNKNOWN);
    private static final Pattern SEGMENT = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}|[a-z]+(-[a-z]+)*");
    // All-letter UUIDs (ffffffff-ffff-...) would pass as words.
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_SEGMENTS = 8;
    private static final int MAX_LENGTH = 128;

    private UriTag() {
    }

    /** The value to publish for a recorded uri tag value. */
    static String publishable(String uri) {
        if (uri == null || LABELS.contains(uri)) {
            return uri;
        }
        if (!uri.startsWith("/") || uri.length() > MAX_LENGTH) {
            return UNKNOWN;
        }
        String[] segments = uri.substring(1).split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return UNKNOWN;
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || UUID.matcher(segment).matches()) {
                return UNKNOWN;
            }
        }
        return uri;
    }
}
