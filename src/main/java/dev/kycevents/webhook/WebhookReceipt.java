package dev.kycevents.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 200 answer to Ralio: the event is committed (or was already). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"received", "eventId", "position"})
public record WebhookReceipt(boolean received, @Schema(description = "Present, and true, when the event was already stored") Boolean duplicate, UUID eventId, long position) {

    static WebhookReceipt stored(UUID eventId, long position) {
        return new WebhookReceipt(true, null, eventId, position);
    }

    static WebhookReceipt duplicate(UUID eventId, long position) {
        return new WebhookReceipt(true, true, eventId, position);
    }
}
