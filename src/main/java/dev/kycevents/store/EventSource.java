package dev.kycevents.store;

/** Where an event came from, stored as its {@link #text()} in {@code events.source} and hashed into the chain. */
public enum EventSource {
    /** Delivered by Ralio to {@code POST /webhooks/ralio}. */
    RALIO_WEBHOOK("ralio-webhook"),
    /** Recorded by this service itself, through its API (a session created, a retention event). */
    API("api");

    private final String text;

    EventSource(String text) {
        this.text = text;
    }

    /** The stored text; changing it would break every hash already in the chain. */
    public String text() {
        return text;
    }
}
