-- The event store: one append-only log of everything Ralio (and this service) said about a user.
-- position is assigned under the log-head lock (V3), so it is gap-free and follows commit order.
CREATE TABLE events (
    position      bigint      PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    event_type    text        NOT NULL,
    user_id       uuid        NOT NULL,
    session_id    uuid,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    source        text        NOT NULL,
    content_type  text        NOT NULL,
    payload       jsonb       NOT NULL,
    raw_body      bytea       NOT NULL,
    hash          bytea       NOT NULL CHECK (length(hash) = 32),
    prev_hash     bytea       NOT NULL CHECK (length(prev_hash) = 32)
);

CREATE INDEX events_by_user ON events (user_id, position);
CREATE INDEX events_by_session ON events (session_id, position) WHERE session_id IS NOT NULL;

COMMENT ON TABLE events IS 'Append-only KYC event log; see README "For auditors"';
COMMENT ON COLUMN events.position IS 'Global, gap-free, strictly increasing in commit order';
COMMENT ON COLUMN events.raw_body IS 'The exact bytes received (for webhooks: as Ralio sent them)';
COMMENT ON COLUMN events.hash IS 'SHA-256 over prev_hash and this event''s content; see README for the exact input';
