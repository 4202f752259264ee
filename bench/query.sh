#!/usr/bin/env bash
# GET /users/{uid}/kyc benchmark (issue 3): 100,000 seeded users, wrk at 64 connections for 30 s,
# 200 and 304 answers, next to pgbench running the same lookups on the same PostgreSQL.
# Usage: bench/query.sh            (needs: PostgreSQL 15 from Debian, wrk, pgbench)
source "$(dirname "$0")/lib.sh"
need wrk wrk; need pgbench postgresql-client
USERS=${USERS:-100000}; DURATION=${DURATION:-30s}; CONNECTIONS=${CONNECTIONS:-64}
build_jar; fresh_database >/dev/null
pid=$(start_service "$PORT" "$OUT/query-service.log"); trap 'stop_service $pid' EXIT
wait_ready "$PORT"

echo "== seeding $USERS users through the webhook endpoint"
java "$ROOT/bench/WebhookTool.java" generate "$SECRET" 1 "$USERS" "$OUT/seed.tsv"
java "$ROOT/bench/WebhookTool.java" send "http://localhost:$PORT/webhooks/ralio" "$OUT/seed.tsv" 64
psql_db -qAt -c "SELECT count(*) || ' events, ' || (SELECT count(*) FROM kyc_level_view) || ' users' FROM events"
psql_db -qAt -c "COPY (SELECT right(user_id::text, 12)::bigint, version FROM kyc_level_view) TO STDOUT" >"$OUT/etags.tsv"
psql_db -q -c "VACUUM ANALYZE"

TOKEN=$(cd "$ROOT" && java dev/DevToken.java --groups kyc-service)
export USERS TOKEN
run_wrk() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/get-kyc.lua" "http://localhost:$PORT" | tee -a "$OUT/query-wrk.txt" | grep RESULT; }
echo "== warm-up"; ETAGS= DURATION=10s run_wrk >/dev/null
echo "== service, 200"; r200=$(ETAGS= run_wrk)
echo "$r200"; rss=$(rss_mb "$pid")
echo "== service, 304"; r304=$(ETAGS="$OUT/etags.tsv" run_wrk); echo "$r304"
stop_service "$pid"; trap - EXIT

pg() { PGPASSWORD=kyc pgbench -h localhost -U kyc -n -M prepared -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -D users="$USERS" -f "$1" "$DB" | awk '/^tps/ {printf "%.0f", $3}'; }
echo "== pgbench, same lookups"; p200=$(pg "$ROOT/bench/pgbench-kyc-200.sql"); p304=$(pg "$ROOT/bench/pgbench-kyc-304.sql")
rps() { sed -E 's/.*rps=([0-9]+).*/\1/'; }
s200=$(echo "$r200" | rps); s304=$(echo "$r304" | rps)
printf '\n%-28s %10s %10s %8s\n' "" "service/s" "pgbench/s" "ratio"
printf '%-28s %10s %10s %7.0f%%\n' "GET /users/{uid}/kyc 200" "$s200" "$p200" "$(echo "100*$s200/$p200" | bc -l)"
printf '%-28s %10s %10s %7.0f%%\n' "GET /users/{uid}/kyc 304" "$s304" "$p304" "$(echo "100*$s304/$p304" | bc -l)"
echo "latency 200: $(echo "$r200" | grep -o 'p50.*p99_ms=[0-9.]*')   304: $(echo "$r304" | grep -o 'p50.*p99_ms=[0-9.]*')   RSS ${rss} MB"
