#!/usr/bin/env bash
# Issue 15's benchmarks: every ratio against a baseline measured in the same run, on H2 and PostgreSQL; writes
# bench/RESULTS.md (date, machine, each ratio with its goal) and prints it. Nothing is asserted.
#   bash bench/run.sh                          # all parts (about 15 minutes at 2 cores)
#   BENCH_PARTS="boot throughput latency scale catalog" BENCH_N=300 BENCH_ROWS=10000000 bash bench/run.sh
# Parts: throughput (a: agent tasks vs raw engine), latency (b: summary/read/transition-check/list vs the engine's
# process-instance read), scale (10,000 engagements and 100,000 agent tasks, PostgreSQL), boot (d: boot time and RSS
# vs a bare Operaton app, bench/bare-operaton), catalog (c: bench/catalog.sh, PostgreSQL).
# Needs java, mvn, python3, psql and pg_dump, PostgreSQL at 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail
cd "$(dirname "$0")/.."
PARTS="${BENCH_PARTS:-boot throughput latency scale catalog}"
N="${BENCH_N:-300}"
PORT="${BENCH_PORT:-18080}"
KEY="bench-admin-key-0123456789abcdef"
LINES="$(mktemp)"
JAR=$(ls target/open-forge-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q -DskipTests package
  JAR=$(ls target/open-forge-*.jar | head -1)
fi
has() { [[ " $PARTS " == *" $1 "* ]]; }
PID=""
DATA=""
stop() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; DATA=""; fi
}
trap 'stop; rm -f "$LINES"' EXIT

# start <h2|postgres> <jar> <health path>: seconds to a healthy platform in BOOT_SECONDS, pid in PID
start() {
  local db="$1" jar="$2"
  DATA="$(mktemp -d)"
  local env=(OPENFORGE_DATA_DIR="$DATA" OPENFORGE_ADMIN_API_KEY="$KEY" OPENFORGE_ADMIN_USER=bench
             OPENFORGE_ADMIN_PASSWORD=bench-password OPENFORGE_DEMO=false PORT="$PORT" BARE_DATA_DIR="$DATA")
  if [ "$db" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists openforge_bench with (force)" \
         -c "create database openforge_bench"
    env+=(SPRING_PROFILES_ACTIVE=postgres POSTGRES_HOST=127.0.0.1 POSTGRES_DB=openforge_bench POSTGRES_USER=postgres
          POSTGRES_PASSWORD= OPENFORGE_SECRET_KEY="$(head -c 32 /dev/urandom | base64)")
  fi
  local t0; t0=$(date +%s.%N)
  env "${env[@]}" java -Xmx1g -jar "$jar" > "$DATA/platform.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.1
  done
  BOOT_SECONDS=$(python3 -c "import time; print(f'{time.time() - $t0:.2f}')")
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status" 2>/dev/null || echo 0; }
perf() { python3 bench/perf.py "$@" --url "http://localhost:$PORT" --key "$KEY" --engine-user bench \
           --engine-password bench-password; }
tag() { sed -u "s/^RESULT|/RESULT|$1|/" | tee -a "$LINES"; }

if has boot; then
  echo "== boot time and RSS: the platform vs a bare Operaton app (H2, median of 3 starts)"
  (cd bench/bare-operaton && mvn -B -q -DskipTests package)
  for app in platform bare; do
    jar="$JAR"; [ "$app" = bare ] && jar=bench/bare-operaton/target/bare-operaton-1.jar
    times=(); rss=()
    for _ in 1 2 3; do
      start h2 "$jar"; sleep 5; times+=("$BOOT_SECONDS"); rss+=("$(rss_mb)"); stop
    done
    eval "${app}_boot=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)"
    eval "${app}_rss=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p)"
    echo "$app: boot ${times[*]} s, RSS after boot ${rss[*]} MB"
  done
  python3 - "$platform_boot" "$bare_boot" "$platform_rss" "$bare_rss" <<'PY' | tag h2
import sys
pb, bb, pr, br = map(float, sys.argv[1:])
print(f"RESULT|boot time vs bare Operaton|{pb:.1f} s|{bb:.1f} s|{pb / bb:.2f}|report (issue: 1.3x)")
print(f"RESULT|RSS after boot vs bare Operaton|{pr:.0f} MB|{br:.0f} MB|{pr / br:.2f}|report (issue: 1.3x)")
PY
fi

for db in h2 postgres; do
  if has throughput || has latency || { has scale && [ "$db" = postgres ]; }; then
    echo "== $db"
    start "$db" "$JAR"
    has throughput && perf throughput --n "$N" | tag "$db"
    if has latency || { has scale && [ "$db" = postgres ]; }; then
      perf latency --out "$DATA/empty.json" | tag "$db"
    fi
    if has scale && [ "$db" = postgres ]; then
      echo "== scale: 10,000 engagements and 100,000 agent tasks (bench/scale.sql)"
      psql -h 127.0.0.1 -U postgres -d openforge_bench -q -f bench/scale.sql
      perf latency --label " (10k engagements, 100k tasks)" --compare "$DATA/empty.json" | tag "$db"
    fi
    stop
  fi
done

if has catalog; then
  echo "== catalog (PostgreSQL)"
  bash bench/catalog.sh | tag postgres
fi

{
  echo "# Benchmark results"
  echo
  echo "Run of $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"\
       "($(uname -m)), \`bash bench/run.sh\` (parts: $PARTS; N=$N). Each ratio is against a baseline measured in the"\
       "same run on the same machine and database."
  echo
  echo "| database | measure | measured | baseline | ratio | goal | met |"
  echo "|---|---|---|---|---|---|---|"
  python3 - "$LINES" <<'PY'
import sys
for line in open(sys.argv[1]):
    if not line.startswith("RESULT|"):
        continue
    _, db, name, measured, baseline, ratio, goal = line.strip().split("|")
    r = float(ratio)
    met = ("yes" if (r >= float(goal[2:]) if goal.startswith(">=") else r <= float(goal[2:])) else "**no**") \
        if goal[:2] in (">=", "<=") else "—"
    print(f"| {db} | {name} | {measured} | {baseline} | {ratio} | {goal} | {met} |")
PY
  echo
  for f in bench/findings-*.md; do
    [ -f "$f" ] && { cat "$f"; echo; }
  done
} > bench/RESULTS.md
echo
cat bench/RESULTS.md
