package dev.kycevents.retention;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PUT /users/{uid}/legal-hold (and, optional, of its DELETE), as documented. */
public record LegalHoldRequest(@Schema(minLength = 1, maxLength = 1000) String reason) {
}
