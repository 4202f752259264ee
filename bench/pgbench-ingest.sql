-- The same work as one webhook, as plain SQL: insert the event row, upsert the session's and the
-- user's read-model rows, in one transaction (no log-head lock, no hash chain, no batching).
\set n random(1, 100000000)
BEGIN;
INSERT INTO pgb_events (event_id, event_type, user_id, session_id, occurred_at, recorded_at, source, content_type,
                        payload, raw_body, hash, prev_hash)
VALUES (gen_random_uuid(), 'kyc_session_manual_review', ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid,
        ('00000000-0000-4000-9000-' || lpad(:n::text, 12, '0'))::uuid, now(), now(), 'ralio-webhook', 'application/json',
        '{"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_session_manual_review","timestamp":"2025-06-19T17:14:13.123Z","data":{"sessionId":"550e8400-e29b-41d4-a716-446655440002","userId":"550e8400-e29b-41d4-a716-446655440001","checks":[{"type":"document-verification","state":"Validated","data":{},"reasons":[]},{"type":"face-matching","state":"Refused","data":{},"reasons":[{"type":"face-match","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}]}}'::jsonb,
        convert_to('{"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_session_manual_review","timestamp":"2025-06-19T17:14:13.123Z","data":{"sessionId":"550e8400-e29b-41d4-a716-446655440002","userId":"550e8400-e29b-41d4-a716-446655440001","checks":[{"type":"document-verification","state":"Validated","data":{},"reasons":[]},{"type":"face-matching","state":"Refused","data":{},"reasons":[{"type":"face-match","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}]}}', 'UTF8'),
        sha256('x'::bytea), sha256('y'::bytea));
INSERT INTO pgb_session_view (session_id, user_id, state, state_code, checks, reasons, hosted_url, expires_at,
                              started_at, updated_at, anomalies, event_count)
VALUES (('00000000-0000-4000-9000-' || lpad(:n::text, 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid,
        'REVIEW', 4, '[{"type":"face-matching","state":"Refused","reasons":[{"type":"face-match","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}]',
        '[{"checkType":"face-matching","code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]',
        NULL, NULL, now(), now(), '[]', 1)
ON CONFLICT (session_id) DO UPDATE SET state = excluded.state, state_code = excluded.state_code,
    checks = excluded.checks, reasons = excluded.reasons, updated_at = excluded.updated_at,
    event_count = pgb_session_view.event_count + 1;
INSERT INTO pgb_level_view (user_id, level, level_code, level_at, level_position, version)
VALUES (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid, 'LIGHT', 2, NULL, 0, 1)
ON CONFLICT (user_id) DO UPDATE SET version = pgb_level_view.version + 1;
COMMIT;
