# Shared by the benchmark scripts: build, database, service start/stop. Sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/results}
mkdir -p "$OUT"
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
PORT=${PORT:-8080}
DB=${DB:-kyc_bench}
# The JVM flags every benchmark uses (the memory goal is measured with these).
# The AppCDS archive comes with the production build (quarkus.package.jar.appcds.enabled).
JVM_FLAGS=${JVM_FLAGS:--XX:+UseSerialGC -Xms192m -Xmx192m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:SharedArchiveFile=app-cds.jsa}

need() { command -v "$1" >/dev/null || { echo "needs $1 (apt-get install -y $2)"; exit 1; }; }

build_jar() {
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests 2>/dev/null || ./mvnw -B -q package -DskipTests)
}

# A fresh database on the machine's PostgreSQL 15 (Debian), default settings.
fresh_database() {
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid();
DROP DATABASE IF EXISTS $DB;
DO \$\$ BEGIN CREATE ROLE kyc LOGIN PASSWORD 'kyc'; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
CREATE DATABASE $DB OWNER kyc;
SQL
}

# Both sides of a comparison start from a fresh checkpoint, not from the other's dirty buffers.
checkpoint() { su postgres -c "psql -qc CHECKPOINT" >/dev/null; }

psql_db() { PGPASSWORD=kyc psql -h localhost -U kyc -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

# start_service <port> <log>: the production jar against the bench database; prints its PID.
start_service() {
  local port=$1 log=$2
  # Run from target/quarkus-app, so the classpath matches the one the AppCDS archive recorded.
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB \
  QUARKUS_DATASOURCE_USERNAME=kyc QUARKUS_DATASOURCE_PASSWORD=kyc \
  RALIO_WEBHOOK_SECRETS=$SECRET RALIO_WEBHOOK_TOLERANCE=PT1H \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=$ROOT/dev/jwt/public.pem MP_JWT_VERIFY_ISSUER=https://kyc-events.dev \
  RALIO_API_BASE_URL=http://127.0.0.1:9 RALIO_API_KEY=bench-not-used \
  setsid env -C "$ROOT/target/quarkus-app" java $JVM_FLAGS -jar quarkus-run.jar >"$log" 2>&1 &
  echo $!
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 200); do
    curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "service on $port did not become ready"; return 1
}

# Returns once the process is gone: a JVM still shutting down would answer the next readiness probe.
stop_service() { kill -TERM "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
