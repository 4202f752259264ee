package dev.kycevents.retention;

import java.time.Instant;

/** The body of POST /users/{uid}/relationship-end, as documented; the resource reads it field by field. */
public record RelationshipEndRequest(Instant endedAt) {
}
