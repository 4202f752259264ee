package dev.kycevents.security;

import java.security.PublicKey;

/**
 * A public key tokens may be signed with: its {@code kid} and {@code alg} as the identity provider
 * published them (either may be absent, e.g. for a PEM file), and the key itself.
 */
public record TrustedKey(String kid, String alg, PublicKey key) {
}
