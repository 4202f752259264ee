package dev.kycevents.webhook;

/**
 * The three signature headers of a delivery. Svix, whose scheme Standard Webhooks is, names them
 * {@code svix-id}, {@code svix-timestamp} and {@code svix-signature}; either name is accepted. A
 * header sent under both names must carry the same value: if the two differ, which one was signed
 * cannot be told, and the delivery is refused ({@link Conflict}) rather than one being picked.
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    /** Two names of one header with different values. */
    public record Conflict(String standardName, String svixName) {
    }

    /** Either the headers, or the first conflict found. */
    public record Resolution(WebhookHeaders headers, Conflict conflict) {
    }

    public static Resolution resolve(String webhookId, String webhookTimestamp, String webhookSignature,
                                     String svixId, String svixTimestamp, String svixSignature) {
        Conflict conflict = conflict("webhook-id", webhookId, "svix-id", svixId);
        if (conflict == null) {
            conflict = conflict("webhook-timestamp", webhookTimestamp, "svix-timestamp", svixTimestamp);
        }
        if (conflict == null) {
            conflict = conflict("webhook-signature", webhookSignature, "svix-signature", svixSignature);
        }
        if (conflict != null) {
            return new Resolution(null, conflict);
        }
        return new Resolution(new WebhookHeaders(either(webhookId, svixId), either(webhookTimestamp, svixTimestamp),
                either(webhookSignature, svixSignature)), null);
    }

    private static Conflict conflict(String standardName, String standard, String svixName, String svix) {
        return standard != null && svix != null && !standard.equals(svix) ? new Conflict(standardName, svixName) : null;
    }

    private static String either(String standard, String svix) {
        return standard != null ? standard : svix;
    }
}
