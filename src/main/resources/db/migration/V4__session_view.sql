-- Read model: one row per verification session, re-folded from the session's events on each append.
CREATE TABLE session_view (
    session_id   uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL,
    state        text        NOT NULL,
    state_code   smallint    NOT NULL,
    checks       jsonb       NOT NULL,
    reasons      jsonb       NOT NULL,
    hosted_url   text,
    expires_at   timestamptz,
    started_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    anomalies    jsonb       NOT NULL,
    event_count  integer     NOT NULL
);

CREATE INDEX session_view_by_user ON session_view (user_id, started_at DESC);
