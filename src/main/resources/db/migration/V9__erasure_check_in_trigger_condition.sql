-- The same rule as V7's events_refuse_change(), checked where it costs least: the erasure's UPDATE touches a
-- million rows in a sweep of 100,000 users, and calling a PL/pgSQL function for each cost about a fifth of the
-- sweep. The allowed change is now the trigger's WHEN condition, which the executor evaluates itself; the function
-- only runs to refuse. "IS NOT TRUE" refuses when the condition is false or unknown (a NULL anywhere in it).
-- DELETE and TRUNCATE stay refused unconditionally.
CREATE OR REPLACE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER events_no_update_or_delete ON events;

CREATE TRIGGER events_no_delete
    BEFORE DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

-- Inside erase_user_events() only (it sets kyc.erasing for the transaction): raw_body and payload cleared,
-- body_digest the SHA-256 of the body cleared, every other column unchanged.
CREATE TRIGGER events_no_update_but_erasure
    BEFORE UPDATE ON events
    FOR EACH ROW
    WHEN ((current_setting('kyc.erasing', true) = 'on'
           AND OLD.raw_body IS NOT NULL AND NEW.raw_body IS NULL AND NEW.payload IS NULL
           AND NEW.body_digest = sha256(OLD.raw_body)
           AND NEW.position = OLD.position AND NEW.event_id = OLD.event_id AND NEW.event_type = OLD.event_type
           AND NEW.user_id = OLD.user_id AND NEW.session_id IS NOT DISTINCT FROM OLD.session_id
           AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at
           AND NEW.source = OLD.source AND NEW.content_type = OLD.content_type
           AND NEW.hash = OLD.hash AND NEW.prev_hash IS NOT DISTINCT FROM OLD.prev_hash
           AND NEW.hash_version = OLD.hash_version) IS NOT TRUE)
    EXECUTE FUNCTION events_refuse_change();
