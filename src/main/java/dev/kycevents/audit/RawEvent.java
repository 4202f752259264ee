package dev.kycevents.audit;

/** An event's body exactly as it arrived (null once erased), with the content type it arrived with. */
public record RawEvent(String contentType, byte[] body) {

    public boolean erased() {
        return body == null;
    }
}
