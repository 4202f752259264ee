package dev.kycevents.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of the current request. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Group membership (the token's {@code groups} claim). */
    public boolean inGroup(String group) {
        return identity.hasRole(group);
    }

    public boolean mayActFor(UUID userId) {
        return Access.mayActFor(subject(), identity.getRoles(), userId);
    }

    public boolean mayRead(UUID userId) {
        return Access.mayRead(subject(), identity.getRoles(), userId);
    }

    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    }
}
