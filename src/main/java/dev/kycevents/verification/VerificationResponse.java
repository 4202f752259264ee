package dev.kycevents.verification;

import dev.kycevents.event.SessionCreated;
import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /users/{uid}/identity-verifications: the session to send the user to.
 *
 * @param hostedUrl null for a reused session that only Ralio's webhooks told this service about
 */
public record VerificationResponse(UUID sessionId, @Schema(nullable = true) String hostedUrl, @Schema(nullable = true) Instant expiresAt) {

    static VerificationResponse of(SessionCreated created) {
        return new VerificationResponse(created.session(), created.hostedUrl(), created.expiresAt());
    }

    static VerificationResponse of(SessionView view) {
        return new VerificationResponse(view.sessionId(), view.hostedUrl(), view.expiresAt());
    }
}
