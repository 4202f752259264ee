package dev.kycevents.query;

import dev.kycevents.event.KycLevel;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /users/{uid}/kyc: what the frontend needs to decide and to tell the user. */
public record KycResponse(UUID userId, KycLevel level, int levelCode, boolean accountCreationAllowed,
                          NextAction nextAction, @Schema(nullable = true) SessionResponse currentSession, List<SessionResponse> sessions,
                          long version) {
}
