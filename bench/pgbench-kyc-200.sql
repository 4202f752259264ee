-- The lookups the service makes for a 200 answer to GET /users/{uid}/kyc.
\set n random(1, :users)
SELECT user_id, level, level_at, level_position, version FROM kyc_level_view
 WHERE user_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
SELECT session_id, user_id, state, state_code, checks::text, reasons::text, hosted_url, expires_at, started_at,
       updated_at, anomalies::text, event_count
  FROM session_view WHERE user_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid
 ORDER BY started_at DESC, session_id DESC;
