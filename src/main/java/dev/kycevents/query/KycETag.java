package dev.kycevents.query;

import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.Arrays;

/**
 * The entity tag of a user's view, and how a poll's If-None-Match is compared with it. The view changes
 * with every event of the user (version), and once, without any event, when the current session's hosted
 * page expires while it is open (nextAction becomes CREATE_NEW_SESSION): both go into the tag, so a poll
 * can be answered 304 from the level row and the current session's state and expiry alone.
 */
public final class KycETag {

    private KycETag() {
    }

    /**
     * @param version          the level row's version (0 for a user with no event)
     * @param currentState     the current session's state; null when the user has no session
     * @param currentExpiresAt the current session's page expiry; null when unknown
     */
    public static String of(long version, SessionState currentState, Instant currentExpiresAt, Instant now) {
        boolean expired = SessionView.expiredWhileOpen(currentState, currentExpiresAt, now);
        return "\"" + version + (expired ? "-expired" : "") + "\"";
    }

    /** RFC 9110 If-None-Match: a list of tags, or *; weak tags compare by their opaque part. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
