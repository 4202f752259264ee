package dev.kycevents.event;

/** Why a check was refused; every field is optional in Ralio's payload, so each may be null. */
public record Reason(String type, String code, String message) {
}
