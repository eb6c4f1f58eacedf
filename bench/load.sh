#!/usr/bin/env bash
# Load benchmark of the data-product pipeline (issue 13): a generated PostgreSQL table (BENCH_ROWS, default
# 10 million) loaded by psql's \copy pipe (the baseline), by the platform's loader into a PostgreSQL target and into
# the embedded DuckDB target, in one run. Prints rows/s, ratios to the baseline and the loads' peak heap (-Xmx1g).
#   bash bench/load.sh                 # BENCH_ROWS=1000000 bash bench/load.sh for a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dtest=LoadBench -Dsurefire.failIfNoSpecifiedTests=false -Dpostgres.tests.skip=true \
  -De2e.tests.skip=true -DargLine="-Xmx1g" -Dsurefire.useFile=false test 2>&1 \
  | { grep -v -E '^\[(INFO|WARNING)\]|^$' || true; }
