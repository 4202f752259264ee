package dev.kycevents.devralio;

import java.util.Optional;

/** Refusal reasons the stand-in offers for a failed session, as Ralio reports them in a check. */
enum Refusal {
    DOCUMENT_EXPIRED("document-verification", "document", "The identity document has expired"),
    DOCUMENT_UNREADABLE("document-verification", "document", "The identity document could not be read"),
    FACE_MISMATCH("face-matching", "face-match", "The face does not match the document photo");

    final String checkType;
    final String reasonType;
    final String message;

    Refusal(String checkType, String reasonType, String message) {
        this.checkType = checkType;
        this.reasonType = reasonType;
        this.message = message;
    }

    static Optional<Refusal> fromForm(String value) {
        for (Refusal refusal : values()) {
            if (refusal.name().equals(value)) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
