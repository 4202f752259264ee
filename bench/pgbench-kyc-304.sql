-- The lookup behind a 304 answer to GET /users/{uid}/kyc with If-None-Match, for one user per transaction
-- (the service runs it as KycQueries.STAMPS, for every user polled meanwhile on one event loop).
\set n random(1, :users)
SELECT l.version, s.state, s.expires_at FROM kyc_level_view l
  LEFT JOIN LATERAL (SELECT state, expires_at FROM session_view WHERE user_id = l.user_id
                     ORDER BY started_at DESC, session_id DESC LIMIT 1) s ON true
 WHERE l.user_id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
