#!/usr/bin/env bash
# The retention sweep at scale: 100,000 users whose period has passed (10 events each, a million events,
# each with its session and level rows), swept through POST /admin/retention/sweep while webhooks keep
# arriving. Prints the sweep's report, the erase rate, and the webhooks' latency during the sweep next to
# a baseline without it. Usage: bench/retention.sh [users]; SKIP_BUILD=1 uses the jar already built.
source "$(dirname "$0")/lib.sh"
need wrk wrk; need psql postgresql-client
USERS=${1:-100000}; CONNECTIONS=${CONNECTIONS:-16}
[ "${SKIP_BUILD:-0}" = 1 ] || build_jar
fresh_database

# Seeding a million events takes minutes, so a copy of the seeded database is kept (${DB}_seed_<key>, one per
# schema, seed statement and size) and cloned on the next run; SEED_CACHE=0 seeds afresh.
seed_db=${DB}_seed_$( (cat "$ROOT"/src/main/resources/db/migration/*.sql; sed -n '/^psql_db -q <<SQL/,/^SQL$/p' "$0") \
  | md5sum | cut -c1-10)_$USERS
as_postgres() { su postgres -c "psql -qAt -v ON_ERROR_STOP=1 $*"; }
# The right to compress the sweep's own WAL, as the README recommends; WAL_GRANT=0 runs without it.
if [ "${WAL_GRANT:-1}" = 1 ]; then as_postgres "-c 'GRANT SET ON PARAMETER wal_compression TO kyc'"
else as_postgres "-c 'REVOKE SET ON PARAMETER wal_compression FROM kyc'"; fi
if [ "${SEED_CACHE:-1}" = 1 ] && [ "$(as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$seed_db'\"")" = 1 ]; then
  as_postgres "-c 'DROP DATABASE $DB' -c 'CREATE DATABASE $DB TEMPLATE $seed_db OWNER kyc'"
else
# Migrate, then stop: the seed goes in behind the service's back, like a restored database.
pid=$(start_service "$PORT" "$OUT/retention-service.log"); wait_ready "$PORT"; stop_service "$pid"

# Ten events per user, hash version 2 rows (digests real, hashes not chained: this measures speed, and
# computing the chain in SQL would cost more than the benchmark). All happened in 2018; every user's
# relationship ended on 2019-01-01, so with the default period (P5Y) all of them are erasable.
psql_db -q <<SQL
INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
                    content_type, payload, raw_body, hash, prev_hash, hash_version, body_digest)
SELECT i, md5('event' || i)::uuid, t.type, md5('user' || u)::uuid,
       CASE WHEN t.type = 'kyc_state_updated' THEN NULL ELSE md5('session' || u || (k.round / 5))::uuid END,
       at, at, 'ralio-webhook', 'application/json', b.body::jsonb, convert_to(b.body, 'UTF8'),
       sha256(int8send(i)), sha256(int8send(i - 1)), 2, sha256(convert_to(b.body, 'UTF8'))
FROM generate_series(1, $USERS * 10) AS i
CROSS JOIN LATERAL (SELECT (i - 1) % $USERS AS u, (i - 1) / $USERS AS round,
                           timestamptz '2018-01-01 00:00:00Z' + i * interval '1 second' AS at) AS k
CROSS JOIN LATERAL (SELECT (ARRAY['kyc_session_manual_review', 'kyc_session_verified', 'kyc_state_updated',
                                  'kyc_session_failed', 'kyc_session_expired', 'kyc_session_manual_review',
                                  'kyc_session_verified', 'kyc_state_updated', 'kyc_session_verified',
                                  'kyc_state_updated'])[k.round + 1] AS type) AS t
CROSS JOIN LATERAL (SELECT json_build_object('id', md5('event' || i)::uuid, 'event', t.type,
        'timestamp', to_char(k.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'data', json_build_object('userId', md5('user' || k.u)::uuid, 'sessionId', md5('session' || k.u || (k.round / 5))::uuid,
            'state', 'REGULAR', 'checks', json_build_array(json_build_object('type', 'document-verification',
            'state', 'Validated', 'data', json_build_object('fullName', 'Person ' || k.u, 'documentNumber', md5('doc' || k.u)),
            'reasons', json_build_array()))))::text AS body) AS b;
INSERT INTO session_view (session_id, user_id, state, state_code, checks, reasons, hosted_url, expires_at, started_at,
                          updated_at, anomalies, event_count)
SELECT md5('session' || u || s)::uuid, md5('user' || u)::uuid, 'VERIFIED', 3,
       '[{"type":"document-verification","state":"Validated","data":{"fullName":"Person"},"reasons":[]}]', '[]',
       NULL, NULL, '2018-01-01Z', '2018-01-02Z', '[]', 3
FROM generate_series(0, $USERS - 1) AS u, generate_series(0, 1) AS s;
INSERT INTO kyc_level_view (user_id, level, level_code, level_at, level_position, version)
SELECT md5('user' || u)::uuid, 'REGULAR', 1, '2018-01-02Z', 1, 10 FROM generate_series(0, $USERS - 1) AS u;
INSERT INTO retention_view (user_id, relationship_ended_at, legal_hold, erased_at, erased_through)
SELECT md5('user' || u)::uuid, '2019-01-01Z', false, NULL, 0 FROM generate_series(0, $USERS - 1) AS u;
UPDATE event_log_head SET last_position = $USERS * 10, last_hash = sha256(int8send($USERS * 10)),
                          last_recorded_at = now();
VACUUM ANALYZE;
SQL
  if [ "${SEED_CACHE:-1}" = 1 ]; then
    for old in $(as_postgres "-c \"SELECT datname FROM pg_database WHERE datname LIKE '${DB}_seed_%'\""); do
      as_postgres "-c 'DROP DATABASE $old'"
    done
    as_postgres "-c 'CREATE DATABASE $seed_db TEMPLATE $DB OWNER kyc'"
  fi
fi

pid=$(start_service "$PORT" "$OUT/retention-service.log"); trap 'stop_service $pid' EXIT; wait_ready "$PORT"
TOKEN=$(java "$ROOT/dev/DevToken.java" --groups kyc-admin)
# Each phase posts webhooks of its own users (about 2.6 per user): wrk starts every file from its first line,
# and a webhook sent twice is a cheap duplicate, not an append.
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 5000001 5000 "$OUT/retention-warm.tsv"
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 6000001 20000 "$OUT/retention-baseline.tsv"
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 7000001 60000 "$OUT/retention-load.tsv"
export WRK_THREADS=2
WEBHOOKS="$OUT/retention-warm.tsv" wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/post-webhooks.lua" "http://localhost:$PORT" >/dev/null
checkpoint

# The append latency histogram (joining the append queue to commit), scraped around each phase: how many appends
# took longer than 100 ms, which wrk's figures (HTTP included) cannot separate from the rest of a request.
append_buckets() { buckets kyc_append_latency_seconds; }
buckets() { curl -fsS "http://localhost:$PORT/q/metrics" | grep "^$1_bucket" \
  | sed -E 's/.*le="([^"]+)".* ([0-9.eE+]+)$/\1 \2/'; }
slow_appends() { slow appends "$@"; }
slow() { # label before-file after-file: "<label>=N over_100ms=N over_250ms=N"
  awk -v label="$1" 'NR == FNR { before[$1] = $2; next } { d[$1] = $2 - before[$1] }
       END { printf "%s=%d over_100ms=%d over_250ms=%d", label, d["+Inf"], d["+Inf"] - d["0.1"], d["+Inf"] - d["0.25"] }' "$2" "$3"; }

# Baseline: the same load without a sweep.
append_buckets >"$OUT/retention-appends-0.txt"
WEBHOOKS="$OUT/retention-baseline.tsv" wrk -t2 -c"$CONNECTIONS" -d20s --latency -s "$ROOT/bench/post-webhooks.lua" \
  "http://localhost:$PORT" >"$OUT/retention-wrk-baseline.txt"
checkpoint

# The sweep, with webhooks arriving all the time: wrk starts 3 s before it and is stopped (SIGINT: it still
# reports) when the sweep answers, so its figures are those of the sweep.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
append_buckets >"$OUT/retention-appends-1.txt"
buckets kyc_log_head_wait_seconds >"$OUT/retention-head-1.txt"
WEBHOOKS="$OUT/retention-load.tsv" wrk -t2 -c"$CONNECTIONS" -d600s --latency \
  -s "$ROOT/bench/post-webhooks.lua" "http://localhost:$PORT" >"$OUT/retention-wrk-sweep.txt" &
wrk_pid=$!
sleep 3
t0=$(date +%s%N)
# Where in the sweep the slow appends fall: the count over 100 ms, scraped every second.
( while :; do echo "$(( ($(date +%s%N) - t0) / 1000000000 )) $(append_buckets | awk '$1 == "0.1" {b = $2} $1 == "+Inf" {i = $2} END {print i - b}')"
    sleep 1; done ) >"$OUT/retention-slow-by-second.txt" &
sampler_pid=$!
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/admin/retention/sweep" >"$OUT/retention-report.json"
sweep_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
kill $sampler_pid; wait $sampler_pid 2>/dev/null || true
kill -INT $wrk_pid; wait $wrk_pid || true
append_buckets >"$OUT/retention-appends-2.txt"
buckets kyc_log_head_wait_seconds >"$OUT/retention-head-2.txt"

erased=$(sed -E 's/.*"eventsErased":([0-9]+).*/\1/' "$OUT/retention-report.json")
left=$(psql_db -qAt -c "SELECT count(*) FROM events WHERE raw_body IS NOT NULL AND user_id IN (SELECT user_id FROM retention_view)")
max_of() { awk '/Latency/ && !done {print $4; done=1}' "$1"; }
echo "REPORT $(cat "$OUT/retention-report.json")"
echo "SWEEP users=$USERS events_erased=$erased sweep_ms=$sweep_ms events_per_s=$(awk -v e="$erased" -v t="$sweep_ms" 'BEGIN {printf "%.0f", e * 1000 / t}') bodies_left_of_swept_users=$left"
echo "BASELINE $(grep RESULT "$OUT/retention-wrk-baseline.txt") max=$(max_of "$OUT/retention-wrk-baseline.txt")"
echo "DURING   $(grep RESULT "$OUT/retention-wrk-sweep.txt") max=$(max_of "$OUT/retention-wrk-sweep.txt")"
echo "APPENDS baseline $(slow_appends "$OUT/retention-appends-0.txt" "$OUT/retention-appends-1.txt")" \
  "during $(slow_appends "$OUT/retention-appends-1.txt" "$OUT/retention-appends-2.txt")"
# Waits for the log-head lock by every writer (append batches and the sweep's batches alike), during the sweep.
echo "HEAD_WAITS during $(slow waits "$OUT/retention-head-1.txt" "$OUT/retention-head-2.txt")"
echo "WAL_GRANT ${WAL_GRANT:-1} wal_compression_permitted=$(as_postgres "-c \"SELECT has_parameter_privilege('kyc', 'wal_compression', 'SET')\"")"
echo "VACUUM $(grep -o 'VACUUM took [0-9]* ms' "$OUT/retention-service.log" | tail -1)"
echo "SLOW_BY_SECOND $(awk 'NR > 1 && $2 > last {printf "%ds:+%d ", $1, $2 - last} {last = $2}' "$OUT/retention-slow-by-second.txt")"
echo "EVENTS $(psql_db -qAt -F' ' -c "SELECT 'updates=' || n_tup_upd, 'hot=' || n_tup_hot_upd,
  'heap=' || pg_size_pretty(pg_relation_size('events')), 'with_indexes=' || pg_size_pretty(pg_total_relation_size('events'))
  FROM pg_stat_user_tables WHERE relname = 'events'")"
echo "LOAD before_sweep=$load_before after=$(cut -d' ' -f1-3 /proc/loadavg)"
