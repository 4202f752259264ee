package dev.kycevents.query;

import java.util.Arrays;

/**
 * The entity tag of a user's view. The view changes with every event of the user (version), and
 * once, without any event, when an open session's expiry passes (nextAction becomes
 * CREATE_NEW_SESSION): both go into the tag, so a poll can be answered 304 from those alone.
 */
public final class KycETag {

    private KycETag() {
    }

    public static String of(long version, boolean openSessionExpired) {
        return "\"" + version + (openSessionExpired ? "-expired" : "") + "\"";
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
