package dev.kycevents.security;

import dev.kycevents.http.Problem;
import dev.kycevents.http.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of the current request, and the checks a resource makes on it beyond its
 * {@code @RolesAllowed}: each goes on quietly or refuses with a 403 problem whose detail names what
 * was refused.
 */
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

    /** The user's own token (sub = uid) or group kyc-service; else 403 with {@code refused} as the detail. */
    public void checkActFor(UUID userId, String refused) {
        check(Access.mayActFor(subject(), identity.getRoles(), userId), refused);
    }

    /** As {@link #checkActFor}, and group compliance too (read-only); else 403 with {@code refused} as the detail. */
    public void checkRead(UUID userId, String refused) {
        check(Access.mayRead(subject(), identity.getRoles(), userId), refused);
    }

    private static void check(boolean allowed, String refused) {
        if (!allowed) {
            throw new ProblemException(Problem.forbidden(refused));
        }
    }

    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    }
}
