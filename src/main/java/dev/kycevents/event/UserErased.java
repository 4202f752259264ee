package dev.kycevents.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The bodies of the user's events up to {@code throughPosition} were erased. Holds no personal data: the rule,
 * the period and how many events.
 *
 * @param rule            why, e.g. {@code retention-period}
 * @param period          the retention period applied (ISO-8601)
 * @param relationshipEndedAt the end of the relationship the period ran from
 * @param erasedEvents    how many events lost their bodies
 * @param throughPosition the last position erased
 */
public record UserErased(UUID eventId, UUID userId, Instant occurredAt, String rule, String period,
                         Instant relationshipEndedAt, long erasedEvents, long throughPosition)
        implements RetentionEvent {

    public static final String RULE_RETENTION_PERIOD = "retention-period";

    @Override
    public String type() {
        return EventTypes.USER_ERASED;
    }
}
