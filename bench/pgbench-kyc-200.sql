-- The lookup behind a 200 answer to GET /users/{uid}/kyc, for one user per transaction (the service runs
-- it as KycQueries.VIEWS, for every user polled meanwhile on one event loop).
\set n random(1, :users)
SELECT u.user_id, l.level, l.level_at, l.level_position, l.version,
       s.session_id, s.state, s.state_code, s.checks::text AS checks, s.reasons::text AS reasons,
       s.hosted_url, s.expires_at, s.started_at, s.updated_at, s.anomalies::text AS anomalies, s.event_count
FROM (SELECT ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid AS user_id) u
LEFT JOIN kyc_level_view l ON l.user_id = u.user_id
LEFT JOIN session_view s ON s.user_id = u.user_id
ORDER BY s.started_at DESC, s.session_id DESC;
