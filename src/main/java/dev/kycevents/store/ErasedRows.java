package dev.kycevents.store;

import dev.kycevents.event.EventTypes;

/** SQL about erased rows of {@code events}, shared by the readers that must tell how a body came to be missing. */
public final class ErasedRows {

    /**
     * A column for a query over {@code events} (unaliased): for an erased row, whether a later
     * {@code kyc_user_erased} event of the same user covers its position, as the erasure path always leaves one;
     * null for an intact row.
     */
    public static final String RECORDED = """
            CASE WHEN events.raw_body IS NULL THEN EXISTS (
                SELECT 1 FROM events x
                WHERE x.user_id = events.user_id AND x.position > events.position
                  AND x.event_type = '%s'
                  AND (x.payload #>> '{data,throughPosition}')::bigint >= events.position)
            END AS erasure_recorded""".formatted(EventTypes.USER_ERASED);

    /**
     * A condition on {@code events} (unaliased) selecting what the KYC folds read: rows that still have their body,
     * and are not retention events.
     */
    public static final String FOLDABLE = "events.payload IS NOT NULL AND events.event_type NOT IN ('"
            + String.join("', '", EventTypes.RELATIONSHIP_ENDED, EventTypes.LEGAL_HOLD_PLACED,
                    EventTypes.LEGAL_HOLD_RELEASED, EventTypes.USER_ERASED) + "')";

    private ErasedRows() {
    }
}
