#!/usr/bin/env bash
# Webhook ingest benchmark. Builds the production jar, starts it against the machine's
# PostgreSQL 15, pre-signs enough unique webhooks, warms up, then drives POST /webhooks/ralio
# with wrk (64 connections, 30 s); then pgbench runs the same work as plain SQL at the same
# concurrency. Prints webhooks/s, p50/p99, non-2xx, the ratio to pgbench, RSS and startup time,
# and checks that every accepted event is stored exactly once with gap-free positions.
# Usage: bench/ingest.sh [runs]      INSTANCES=3 bench/ingest.sh   (split across 3 instances)
source "$(dirname "$0")/lib.sh"
need wrk wrk; need pgbench postgresql-client
RUNS=${1:-1}; INSTANCES=${INSTANCES:-1}; CONNECTIONS=${CONNECTIONS:-64}; DURATION=${DURATION:-30s}
build_jar

run_once() {
  fresh_database
  local pids=() ports=()
  for i in $(seq 0 $((INSTANCES - 1))); do
    ports+=($((PORT + i)))
    pids+=("$(start_service $((PORT + i)) "$OUT/ingest-service-$i.log")")
  done
  trap 'for p in "${pids[@]}"; do stop_service $p; done' RETURN
  for p in "${ports[@]}"; do wait_ready "$p"; done
  # Startup to ready against an existing (migrated) database.
  stop_service "${pids[0]}"
  local t0; t0=$(date +%s%N)
  pids[0]=$(start_service "${ports[0]}" "$OUT/ingest-service-0.log"); wait_ready "${ports[0]}"
  local startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

  java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1 20000 "$OUT/warm.tsv"
  java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1000001 ${WEBHOOK_USERS:-160000} "$OUT/load.tsv"
  export WRK_THREADS=2
  local per=$((CONNECTIONS / INSTANCES)) results=() i=0
  for p in "${ports[@]}"; do WEBHOOKS="$OUT/warm.tsv" wrk -t2 -c"$per" -d5s -s "$ROOT/bench/post-webhooks.lua" "http://localhost:$p" >/dev/null; done
  checkpoint
  # Sample the resident size of instance 0 while the load runs.
  ( while sleep 1; do rss_mb "${pids[0]}" 2>/dev/null; echo; done ) >"$OUT/rss.txt" & local sampler=$!
  for p in "${ports[@]}"; do
    # Each instance gets its own slice of the webhooks; instance 0 also gets a copy of some of
    # instance 1's, so the same event reaches two instances at the same moment.
    awk -v k="$INSTANCES" -v i="$i" 'NR % k == i || (i == 0 && NR % k == 1 && NR % 50 == 1)' "$OUT/load.tsv" >"$OUT/load-$i.tsv"
    WEBHOOKS="$OUT/load-$i.tsv" wrk -t2 -c"$per" -d"$DURATION" --latency -s "$ROOT/bench/post-webhooks.lua" \
      "http://localhost:$p" >"$OUT/ingest-wrk-$i.txt" &
    i=$((i + 1))
  done
  wait $(jobs -p | grep -v "^$sampler$") 2>/dev/null || true
  kill "$sampler" 2>/dev/null || true
  local rps=0 p50 p99 non2xx=0
  for f in "$OUT"/ingest-wrk-*.txt; do
    local line; line=$(grep RESULT "$f")
    rps=$((rps + $(echo "$line" | sed -E 's/.*rps=([0-9]+).*/\1/')))
    non2xx=$((non2xx + $(echo "$line" | sed -E 's/.*non2xx=([0-9]+).*/\1/')))
    # Several instances: the worst instance's latencies.
    p50=$(printf '%s\n%s\n' "${p50:-0}" "$(echo "$line" | sed -E 's/.*p50_ms=([0-9.]+).*/\1/')" | sort -g | tail -1)
    p99=$(printf '%s\n%s\n' "${p99:-0}" "$(echo "$line" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/')" | sort -g | tail -1)
  done
  local rss; rss=$(grep -E '^[0-9]+$' "$OUT/rss.txt" | sort -n | tail -1)
  local check; check=$(psql_db -qAt -c "SELECT count(*) || ' ' || coalesce(max(position), 0) || ' ' || count(DISTINCT event_id) FROM events")
  for p in "${pids[@]}"; do stop_service "$p"; done

  psql_db -q <<'SQL'
CREATE TABLE pgb_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE SEQUENCE pgb_position; ALTER TABLE pgb_events ALTER COLUMN position SET DEFAULT nextval('pgb_position');
CREATE TABLE pgb_session_view (LIKE session_view INCLUDING ALL);
CREATE TABLE pgb_level_view (LIKE kyc_level_view INCLUDING ALL);
SQL
  checkpoint
  local pgb; pgb=$(PGPASSWORD=kyc pgbench -h localhost -U kyc -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" \
      -f "$ROOT/bench/pgbench-ingest.sql" "$DB" | awk '/^tps/ {printf "%.0f", $3}')
  echo "RUN webhooks_per_s=$rps p50_ms=$p50 p99_ms=$p99 non2xx=$non2xx pgbench_tps=$pgb ratio=$(awk -v a="$rps" -v b="$pgb" 'BEGIN {printf "%.2f", a/b}') rss_mb=$rss startup_ms=$startup_ms stored/max_position/distinct=[$check]"
}

: >"$OUT/ingest-runs.txt"
for r in $(seq 1 "$RUNS"); do run_once | tee -a "$OUT/ingest-runs.txt" | grep RUN; done
echo "== medians of $RUNS run(s), $INSTANCES instance(s)"
for k in webhooks_per_s p50_ms p99_ms non2xx pgbench_tps ratio rss_mb startup_ms; do
  printf '%s=%s ' "$k" "$(grep -o "$k=[0-9.]*" "$OUT/ingest-runs.txt" | cut -d= -f2 | median)"
done; echo
