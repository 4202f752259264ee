-- In-flight claims of POST /users/{uid}/identity-verifications. A row exists only while one request
-- (on any instance) is asking Ralio for the user's session, so at most one such call runs per user.
-- The holder deletes it when done; a row older than the claim timeout is left by a crashed instance
-- and may be taken over.
CREATE TABLE verification_requests (
    user_id    uuid        PRIMARY KEY,
    claim_id   uuid        NOT NULL,
    claimed_at timestamptz NOT NULL
);
