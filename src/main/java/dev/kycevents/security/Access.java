package dev.kycevents.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who may act for a user: the user's own token (sub = uid), or the company's backend. Compliance may
 * also read a user's current view and sessions, but never act for them.
 */
public final class Access {

    public static final String KYC_SERVICE = "kyc-service";
    public static final String COMPLIANCE = "compliance";
    public static final String KYC_ADMIN = "kyc-admin";

    private Access() {
    }

    public static boolean mayRead(String subject, Set<String> groups, UUID userId) {
        return groups.contains(COMPLIANCE) || mayActFor(subject, groups, userId);
    }

    public static boolean mayActFor(String subject, Set<String> groups, UUID userId) {
        return groups.contains(KYC_SERVICE) || userId.toString().equalsIgnoreCase(subject);
    }
}
