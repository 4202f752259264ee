#!/usr/bin/env bash
# Flood benchmark: far more senders than the service can commit at once. Builds the
# production jar, starts it against the machine's PostgreSQL 15 with the JVM flags of lib.sh,
# warms up, then CONNECTIONS (1,000) wrk connections post unique signed webhooks for 20 s, waiting
# up to 30 s for each answer. Prints throughput, p50/p99/longest wait, how many were refused 503
# (each must carry Retry-After), the largest resident size, and checks the store: every event
# answered 200 is stored, once, and positions are gap-free.
# Usage: bench/flood.sh [runs]     CONNECTIONS=2000 bench/flood.sh     JVM_FLAGS=-XX:SharedArchiveFile=app-cds.jsa bench/flood.sh (JVM defaults)
source "$(dirname "$0")/lib.sh"
need wrk wrk
RUNS=${1:-1}; CONNECTIONS=${CONNECTIONS:-1000}; DURATION=${DURATION:-20s}
# Every connection is a socket on both ends (wrk and the service run here): raise the open-file limit.
ulimit -n "$(( CONNECTIONS * 4 > 65536 ? CONNECTIONS * 4 : 65536 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
build_jar
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1 20000 "$OUT/flood-warm.tsv"
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1000001 "${WEBHOOK_USERS:-100000}" "$OUT/flood-load.tsv"

run_once() {
  fresh_database >/dev/null
  local pid; pid=$(start_service "$PORT" "$OUT/flood-service.log")
  trap 'stop_service $pid' RETURN
  wait_ready "$PORT"
  export WRK_THREADS=2
  WEBHOOKS="$OUT/flood-warm.tsv" wrk -t2 -c64 -d5s -s "$ROOT/bench/post-webhooks.lua" "http://localhost:$PORT" >/dev/null
  checkpoint
  ( while sleep 0.5; do rss_mb "$pid" 2>/dev/null; echo; done ) >"$OUT/flood-rss.txt" & local sampler=$!
  rm -rf "$OUT/flood-ids"; mkdir -p "$OUT/flood-ids"
  local result; result=$(IDS_DIR="$OUT/flood-ids" WEBHOOKS="$OUT/flood-load.tsv" wrk -t2 -c"$CONNECTIONS" \
      -d"$DURATION" --timeout 30s --latency -s "$ROOT/bench/post-webhooks.lua" "http://localhost:$PORT" \
      | tee "$OUT/flood-wrk.txt" | grep RESULT)
  kill "$sampler" 2>/dev/null || true
  local rss; rss=$(grep -E '^[0-9]+$' "$OUT/flood-rss.txt" | sort -n | tail -1)
  stop_service "$pid"
  # The ids answered 200 against the table: none missing, none twice, no gap in positions.
  cat "$OUT"/flood-ids/ok-*.txt | sort -u >"$OUT/flood-ok.txt"
  local check; check=$(psql_db -qAt <<SQL
CREATE TEMP TABLE ok (event_id uuid PRIMARY KEY);
\copy ok FROM '$OUT/flood-ok.txt'
SELECT (SELECT count(*) FROM ok) || ' ' ||
       (SELECT count(*) FROM ok WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = ok.event_id)) || ' ' ||
       (SELECT count(*) - count(DISTINCT event_id) FROM events) || ' ' ||
       (SELECT coalesce(max(position), 0) - count(*) FROM events);
SQL
)
  read -r answered missing twice gaps <<<"$check"
  field() { echo "$result" | sed -E "s/.*$1=([0-9.]+).*/\1/"; }
  echo "RUN connections=$CONNECTIONS rps=$(field rps) p50_ms=$(field p50_ms) p99_ms=$(field p99_ms)" \
       "max_ms=$(field max_ms) status503=$(field status503) without_retry_after=$(field status503_without_retry_after)" \
       "errors=$(field errors) timeouts=$(field timeouts) rss_mb=$rss answered_200=$answered missing=$missing" \
       "stored_twice=$twice position_gaps=$gaps"
}

: >"$OUT/flood-runs.txt"
for r in $(seq 1 "$RUNS"); do run_once | tee -a "$OUT/flood-runs.txt" | grep RUN; done
echo "== medians of $RUNS run(s), $CONNECTIONS connections, JVM flags: $JVM_FLAGS"
for k in rps p50_ms p99_ms max_ms status503 rss_mb answered_200 missing stored_twice position_gaps; do
  printf '%s=%s ' "$k" "$(grep -o "$k=[0-9.]*" "$OUT/flood-runs.txt" | cut -d= -f2 | median)"
done; echo
