-- Read model: one row per user who has any event; the user's KYC level and a version that
-- changes with every event of the user (the ETag of GET /users/{uid}/kyc).
CREATE TABLE kyc_level_view (
    user_id         uuid        PRIMARY KEY,
    level           text        NOT NULL,
    level_code      smallint    NOT NULL,
    level_at        timestamptz,
    level_position  bigint      NOT NULL,
    version         bigint      NOT NULL
);
