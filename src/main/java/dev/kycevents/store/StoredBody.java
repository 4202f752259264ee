package dev.kycevents.store;

import io.quarkus.hibernate.reactive.panache.common.ProjectedFieldName;

/** An event's body exactly as it arrived (null once erased), with the content type it arrived with. */
public record StoredBody(String contentType, @ProjectedFieldName("rawBody") byte[] body) {

    public boolean erased() {
        return body == null;
    }
}
