#!/usr/bin/env bash
# Audit and replay benchmark: a store of EVENTS events (default 1,000,000, for EVENTS/10
# users) written straight into the events table with one INSERT ... SELECT generate_series (see
# bench/audit-events.sql: valid payloads, but hashes that do not chain; they are not needed to
# measure speed). Then, against the production jar with the benchmark JVM flags (lib.sh):
#   1. POST /admin/projections/rebuild, twice: the first builds the empty read models (drift =
#      every row), the second replays the same log again (drift 0); events/s from the report;
#   2. GET /audit/export of the whole log to /dev/null: events/s, MB/s, and the service's largest
#      resident size while it streams (VmRSS from /proc/<pid>/status, sampled every 0.2 s).
# Usage: bench/audit.sh        EVENTS=200000 bench/audit.sh        (needs PostgreSQL 15 from Debian)
DB=${DB:-kyc_audit_bench}; PORT=${PORT:-8090}
source "$(dirname "$0")/lib.sh"
need curl curl; need psql postgresql-client
EVENTS=${EVENTS:-1000000}

build_jar; fresh_database >/dev/null
# The service applies the migrations; the events go in behind its back, then the head is moved.
pid=$(start_service "$PORT" "$OUT/audit-service.log"); trap 'stop_service $pid' EXIT
wait_ready "$PORT"

echo "== writing $EVENTS events with SQL"
t0=$(date +%s%N)
psql_db -q -v events="$EVENTS" -f "$ROOT/bench/audit-events.sql"
echo "   $(( ($(date +%s%N) - t0) / 1000000 )) ms; $(psql_db -qAt -c "SELECT pg_size_pretty(pg_total_relation_size('events'))") on disk"

TOKEN=$(cd "$ROOT" && java dev/DevToken.java --groups compliance,kyc-admin)

rebuild() {
  local report
  report=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/admin/projections/rebuild")
  echo "   $report"
  local events ms
  events=$(echo "$report" | sed -E 's/.*"eventsReplayed":([0-9]+).*/\1/')
  ms=$(echo "$report" | sed -E 's/.*"durationMs":([0-9]+).*/\1/')
  echo "   RESULT rebuild events=$events ms=$ms events_per_s=$(( events * 1000 / (ms > 0 ? ms : 1) ))"
}
echo "== rebuild 1 (empty read models)"; rebuild
echo "== rebuild 2 (same log again)"; rebuild
echo "   RSS after the rebuilds: $(rss_mb "$pid") MB"

echo "== export of the whole log to /dev/null"
( max=0; while sleep 0.2; do r=$(rss_mb "$pid" 2>/dev/null || echo 0); (( r > max )) && max=$r; echo "$max" >"$OUT/audit-export-rss.tmp"; done ) &
sampler=$!
out=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' -H "Authorization: Bearer $TOKEN" \
      "http://localhost:$PORT/audit/export")
sleep 0.3; kill "$sampler" 2>/dev/null || true
bytes=${out% *}; secs=${out#* }
echo "   RESULT export events=$EVENTS seconds=$secs events_per_s=$(awk -v n="$EVENTS" -v s="$secs" 'BEGIN {printf "%.0f", n/s}') \
MB=$(( bytes / 1048576 )) MB_per_s=$(awk -v b="$bytes" -v s="$secs" 'BEGIN {printf "%.0f", b/1048576/s}') \
max_rss_mb=$(cat "$OUT/audit-export-rss.tmp")"
