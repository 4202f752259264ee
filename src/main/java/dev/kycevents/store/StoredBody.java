package dev.kycevents.store;

/** An event's body exactly as it arrived (null once erased), with the content type it arrived with. */
public record StoredBody(String contentType, byte[] body) {

    public boolean erased() {
        return body == null;
    }
}
