-- The head of the log: the last position, its hash and its recorded_at.
-- Every append locks this single row until commit. That serialises writers (across every
-- service instance), which is what makes positions gap-free in commit order and lets each
-- event chain to the one before it. Appends are batched to keep the lock's cost per event low.
CREATE TABLE event_log_head (
    singleton         boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    last_position     bigint      NOT NULL,
    last_hash         bytea       NOT NULL CHECK (length(last_hash) = 32),
    last_recorded_at  timestamptz NOT NULL
);

INSERT INTO event_log_head (singleton, last_position, last_hash, last_recorded_at)
VALUES (true, 0, decode(repeat('00', 32), 'hex'), '-infinity');
