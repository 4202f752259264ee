-- Erasure (README "Retention and erasure"): after the retention period a user's raw bodies and payloads are
-- cleared, while every row keeps what proves the log. Hash version 2 covers body_digest (SHA-256 of raw_body)
-- instead of the body, so an erased row still verifies. Rows written before this migration stay version 1:
-- their hash covers the body itself; they are not re-chained (see the README for how an erased v1 row verifies).
ALTER TABLE events
    ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2)),
    ADD COLUMN body_digest  bytea CHECK (length(body_digest) = 32),
    ALTER COLUMN payload DROP NOT NULL,
    ALTER COLUMN raw_body DROP NOT NULL,
    ADD CONSTRAINT events_erased_whole CHECK ((payload IS NULL) = (raw_body IS NULL)),
    ADD CONSTRAINT events_v2_has_digest CHECK (hash_version = 1 OR body_digest IS NOT NULL),
    ADD CONSTRAINT events_erased_has_digest CHECK (raw_body IS NOT NULL OR body_digest IS NOT NULL);

COMMENT ON COLUMN events.hash_version IS '1: hash covers raw_body; 2: hash covers body_digest. See README';
COMMENT ON COLUMN events.body_digest IS 'SHA-256 of raw_body; kept when the body is erased';

-- The append-only rule, with one exception: inside erase_user_events() (which sets kyc.erasing for the
-- transaction and clears it before returning), an UPDATE may clear raw_body and payload, keeping in
-- body_digest the SHA-256 of the body it clears, and nothing else. DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('kyc.erasing', true) = 'on'
       AND OLD.raw_body IS NOT NULL AND NEW.raw_body IS NULL AND NEW.payload IS NULL
       AND NEW.body_digest = sha256(OLD.raw_body)
       AND NEW.position = OLD.position AND NEW.event_id = OLD.event_id AND NEW.event_type = OLD.event_type
       AND NEW.user_id = OLD.user_id AND NEW.session_id IS NOT DISTINCT FROM OLD.session_id
       AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at
       AND NEW.source = OLD.source AND NEW.content_type = OLD.content_type
       AND NEW.hash = OLD.hash AND NEW.prev_hash = OLD.prev_hash AND NEW.hash_version = OLD.hash_version THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The erasure path: clears the bodies of each user's events up to a position. Returns how many rows of each
-- user it cleared. The service appends kyc_user_erased for each user in the same transaction; those events
-- hold no personal data and are never erased (a later erasure of the same user leaves them).
CREATE FUNCTION erase_user_events(p_users uuid[], p_through bigint[])
    RETURNS TABLE (user_id uuid, erased bigint) LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('kyc.erasing', 'on', true);
    RETURN QUERY
        WITH cleared AS (
            UPDATE events e SET raw_body = NULL, payload = NULL, body_digest = sha256(e.raw_body)
            FROM unnest(p_users, p_through) AS x(user_id, through)
            WHERE e.user_id = x.user_id AND e.position <= x.through AND e.raw_body IS NOT NULL
              AND e.event_type <> 'kyc_user_erased'
            RETURNING e.user_id)
        SELECT c.user_id, count(*) FROM cleared c GROUP BY c.user_id;
    PERFORM set_config('kyc.erasing', '', true);
END;
$$;

-- Read model: each user's retention events folded (RetentionFold). Users without any have no row; the sweep
-- reads the rest (the user's last event, their latest activity) from events, so appends pay nothing for it.
CREATE TABLE retention_view (
    user_id                uuid        PRIMARY KEY,
    relationship_ended_at  timestamptz,
    legal_hold             boolean     NOT NULL,
    erased_at              timestamptz,
    erased_through         bigint      NOT NULL
);

-- The sweep's candidates: users whose relationship has ended and who are not on hold.
CREATE INDEX retention_view_ended ON retention_view (relationship_ended_at)
    WHERE relationship_ended_at IS NOT NULL AND NOT legal_hold;
