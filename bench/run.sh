#!/usr/bin/env bash
# Benchmarks of a running Open Forge: API latency and throughput, agent-task throughput, profiling speed, memory.
#   bash bench/run.sh            # H2 (embedded default)
#   bash bench/run.sh postgres   # PostgreSQL at 127.0.0.1:5432 (database openforge_bench is recreated)
# Prints the numbers; nothing is asserted. Needs java, mvn, python3 (and psql for the postgres run).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-h2}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d)"
KEY="bench-admin-key-0123456789abcdef"
JAR=$(ls target/open-forge-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q -DskipTests package
  JAR=$(ls target/open-forge-*.jar | head -1)
fi
ENV=(OPENFORGE_DATA_DIR="$DATA" OPENFORGE_ADMIN_API_KEY="$KEY" OPENFORGE_ADMIN_PASSWORD=bench OPENFORGE_DEMO=false
     OPENFORGE_SAMPLES_DIR="$PWD/samples" PORT="$PORT")
if [ "$DB" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists openforge_bench with (force)" \
       -c "create database openforge_bench"
  ENV+=(SPRING_PROFILES_ACTIVE=postgres POSTGRES_HOST=127.0.0.1 POSTGRES_DB=openforge_bench POSTGRES_USER=postgres
        POSTGRES_PASSWORD= OPENFORGE_SECRET_KEY="$(head -c 32 /dev/urandom | base64)")
fi
env "${ENV[@]}" java -Xmx1g -jar "$JAR" > "$DATA/platform.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
echo "platform up on $DB (pid $PID, port $PORT)"
python3 bench/api_bench.py --url "http://localhost:$PORT" --key "$KEY" --pid "$PID" \
  --samples "$PWD/samples/sales" ${BENCH_ARGS:-}
