package com.example.kyc.store;

import com.example.kyc.event.KycEvent;

/** An event to append: the parsed event, its normalized JSON payload and the bytes it arrived as. */
public record NewEvent(KycEvent event, String payloadJson, byte[] rawBody, String contentType, String source) {

    public static final String SOURCE_RALIO_WEBHOOK = "ralio-webhook";
    public static final String SOURCE_API = "api";

    @Override
    public String toString() {
        return "NewEvent[" + event.eventId() + ", " + event.type() + ", " + source + "]";
    }
}
