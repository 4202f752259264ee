package dev.kycevents.verification;

/** The outcome of a start request: a session just created through Ralio, or the user's open one. */
public record StartedVerification(boolean created, VerificationResponse session) {
}
