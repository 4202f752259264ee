-- :events events for :events/10 users, appended as the service would store them, but in one
-- statement: each user gets ten events (two sessions, three level updates, one unknown type),
-- spread across the log so that a user's history is not contiguous. Payloads are valid Ralio
-- envelopes; raw_body is the payload text. Hashes have the right length but do NOT form a valid
-- chain (GET /audit/verify would report the first position as broken): the benchmark measures
-- speed, and computing the chain in SQL would cost more than the benchmark itself.
\set users (:events / 10)
INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                    source, content_type, payload, raw_body, hash, prev_hash)
SELECT i, md5('event' || i)::uuid, t.type, md5('user' || u)::uuid, s.session,
       at, at + interval '1 second', 'ralio-webhook', 'application/json',
       p.payload, convert_to(p.payload::text, 'UTF8'), sha256(int8send(i)), sha256(int8send(i - 1))
FROM generate_series(1, :events) AS i
CROSS JOIN LATERAL (SELECT i % :users AS u, (i / :users) % 10 AS round,
                           timestamptz '2025-01-01 00:00:00Z' + i * interval '1 second' AS at) AS k
CROSS JOIN LATERAL (SELECT (ARRAY['kyc_session_manual_review', 'kyc_session_verified', 'kyc_state_updated',
                                  'kyc_session_failed', 'kyc_session_expired', 'kyc_state_updated',
                                  'kyc_session_manual_review', 'kyc_document_uploaded', 'kyc_session_verified',
                                  'kyc_state_updated'])[k.round + 1] AS type) AS t
CROSS JOIN LATERAL (SELECT CASE WHEN t.type = 'kyc_state_updated' THEN NULL
                                WHEN k.round IN (0, 1, 7) THEN md5('session-a' || k.u)::uuid
                                ELSE md5('session-b' || k.u)::uuid END AS session) AS s
CROSS JOIN LATERAL (SELECT jsonb_build_object(
        'id', md5('event' || i)::uuid,
        'event', t.type,
        'timestamp', to_char(k.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'data', CASE WHEN t.type = 'kyc_state_updated'
                     THEN jsonb_build_object('userId', md5('user' || k.u)::uuid,
                                             'state', CASE WHEN k.round = 5 THEN 'LIGHT' ELSE 'REGULAR' END)
                     ELSE jsonb_build_object('userId', md5('user' || k.u)::uuid, 'sessionId', s.session,
                                             'checks', '[{"type":"document-verification","state":"Validated","reasons":[]},{"type":"face-matching","state":"Refused","reasons":[{"type":"face-match","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}]'::jsonb)
                END) AS payload) AS p;

UPDATE event_log_head SET last_position = :events, last_hash = sha256(int8send(:events)),
                          last_recorded_at = (SELECT max(recorded_at) FROM events);
ANALYZE events;
