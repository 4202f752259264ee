package dev.kycevents.devralio;

import java.util.Locale;
import java.util.Optional;

/** What the stand-in's page lets a developer make Ralio do with a session. */
enum Outcome {
    VERIFIED("Verified", "kyc_session_verified, then kyc_state_updated REGULAR"),
    REVIEW("Manual review", "kyc_session_manual_review (face match inconclusive)"),
    FAILED("Failed", "kyc_session_failed with the refusal reason chosen below"),
    EXPIRED("Expired", "kyc_session_expired");

    final String label;
    final String sends;

    Outcome(String label, String sends) {
        this.label = label;
        this.sends = sends;
    }

    String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Outcome> fromForm(String value) {
        for (Outcome outcome : values()) {
            if (outcome.formValue().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
