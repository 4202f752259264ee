package dev.kycevents.store;

import dev.kycevents.event.KycEvent;
import java.nio.charset.StandardCharsets;

/** An event to append: the parsed event, its normalized JSON payload and the bytes it arrived as. */
public record NewEvent(KycEvent event, String payloadJson, byte[] rawBody, String contentType,
                       EventSource source) {

    /** An event this service records itself: its JSON is both payload and raw body. */
    public static NewEvent recordedHere(KycEvent event, String json) {
        return new NewEvent(event, json, json.getBytes(StandardCharsets.UTF_8), "application/json", EventSource.API);
    }

    @Override
    public String toString() {
        return "NewEvent[" + event.eventId() + ", " + event.type() + ", " + source.text() + "]";
    }
}
