#!/usr/bin/env bash
# GET /users/{uid}/kyc benchmark: 100,000 seeded users, wrk at 64 connections for 30 s,
# 200 and 304 answers, next to pgbench running the same lookups on the same PostgreSQL.
# Usage: bench/query.sh [runs]       (needs: PostgreSQL 15 from Debian, wrk, pgbench)
# The data is seeded once; each run starts a fresh JVM, then pgbench follows with the service stopped.
source "$(dirname "$0")/lib.sh"
need wrk wrk; need pgbench postgresql-client
RUNS=${1:-1}; USERS=${USERS:-100000}; DURATION=${DURATION:-30s}; CONNECTIONS=${CONNECTIONS:-64}
build_jar; fresh_database >/dev/null

echo "== seeding $USERS users through the webhook endpoint"
pid=$(start_service "$PORT" "$OUT/query-service.log"); trap 'stop_service $pid' EXIT
wait_ready "$PORT"
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1 "$USERS" "$OUT/seed.tsv"
java "$ROOT/bench/WebhookTool.java" send "http://localhost:$PORT/webhooks/ralio" "$OUT/seed.tsv" 64
stop_service "$pid"; trap - EXIT
psql_db -qAt -c "SELECT count(*) || ' events, ' || (SELECT count(*) FROM kyc_level_view) || ' users' FROM events"
psql_db -qAt -c "COPY (SELECT right(user_id::text, 12)::bigint, version FROM kyc_level_view) TO STDOUT" >"$OUT/etags.tsv"
psql_db -q -c "VACUUM ANALYZE"

TOKEN=$(cd "$ROOT" && java dev/DevToken.java --groups kyc-service)
export USERS TOKEN
run_wrk() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/get-kyc.lua" "http://localhost:$PORT" | tee -a "$OUT/query-wrk.txt" | grep RESULT; }
pg() { PGPASSWORD=kyc pgbench -h localhost -U kyc -n -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -D users="$USERS" -f "$1" "$DB" | awk '/^tps/ {printf "%.0f", $3}'; }
field() { sed -E "s/.*$1=([0-9.]+).*/\1/"; }

run_once() {
  local pid r200 r304 rss p200 p304
  pid=$(start_service "$PORT" "$OUT/query-service.log"); trap 'stop_service $pid' RETURN
  wait_ready "$PORT"
  # Warm-up: on two shared cores the JIT needs about half a minute to settle on both paths.
  ETAGS= DURATION=20s run_wrk >/dev/null; ETAGS="$OUT/etags.tsv" DURATION=10s run_wrk >/dev/null
  r200=$(ETAGS= run_wrk); rss=$(rss_mb "$pid")
  r304=$(ETAGS="$OUT/etags.tsv" run_wrk)
  stop_service "$pid"
  p200=$(pg "$ROOT/bench/pgbench-kyc-200.sql"); p304=$(pg "$ROOT/bench/pgbench-kyc-304.sql")
  echo "RUN rps200=$(echo "$r200" | field rps) p50_200=$(echo "$r200" | field p50_ms) p99_200=$(echo "$r200" | field p99_ms)" \
       "pgbench200=$p200 ratio200=$(awk -v a="$(echo "$r200" | field rps)" -v b="$p200" 'BEGIN {printf "%.2f", a/b}')" \
       "rps304=$(echo "$r304" | field rps) p50_304=$(echo "$r304" | field p50_ms) p99_304=$(echo "$r304" | field p99_ms)" \
       "pgbench304=$p304 ratio304=$(awk -v a="$(echo "$r304" | field rps)" -v b="$p304" 'BEGIN {printf "%.2f", a/b}')" \
       "unexpected=$(( $(echo "$r200" | field unexpected_status) + $(echo "$r304" | field unexpected_status) ))" \
       "errors=$(( $(echo "$r200" | field errors) + $(echo "$r304" | field errors) ))" \
       "rss_mb=$rss"
}

: >"$OUT/query-runs.txt"
for r in $(seq 1 "$RUNS"); do echo "== run $r"; run_once | tee -a "$OUT/query-runs.txt"; done
echo "== medians of $RUNS run(s)"
for k in rps200 p50_200 p99_200 pgbench200 ratio200 rps304 p50_304 p99_304 pgbench304 ratio304 rss_mb; do
  printf '%s=%s ' "$k" "$(grep -o "$k=[0-9.]*" "$OUT/query-runs.txt" | cut -d= -f2 | median)"
done; echo
