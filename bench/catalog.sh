#!/usr/bin/env bash
# Catalog benchmark (issue 15 c) on PostgreSQL, in one run against baselines measured in the same run:
#   - structure of a generated 1,000-table schema (Catalogs.describe, the API's /schema) vs pg_dump --schema-only
#   - catalog with profiles of a generated BENCH_ROWS-row table (default 10 million) vs one aggregate scan
#     (count(*), count/min/max of every column in one SELECT)
# Drops and recreates the database BENCH_DB (default openforge_catalog_bench). Prints RESULT|name|measured|baseline|
# ratio|goal lines. Needs mvn, psql/pg_dump and PostgreSQL at POSTGRES_HOST:POSTGRES_PORT (127.0.0.1:5432).
#   bash bench/catalog.sh                  # BENCH_ROWS=1000000 bash bench/catalog.sh for a quick run
#   BENCH_JFR=1 bash bench/catalog.sh      # also records target/catalog-bench.jfr (JDK Flight Recorder)
set -euo pipefail
cd "$(dirname "$0")/.."
ARGLINE="-Xmx1g"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  ARGLINE="$ARGLINE -XX:StartFlightRecording=filename=$PWD/target/catalog-bench.jfr,settings=profile"
fi
mvn -B -q ${MVN_FLAGS:-} -Dtest=CatalogBench -Dsurefire.failIfNoSpecifiedTests=false -Dpostgres.tests.skip=true \
  -De2e.tests.skip=true -DargLine="$ARGLINE" -Dsurefire.useFile=false test 2>&1 \
  | { grep -v -E '^\[(INFO|WARNING)\]|^$' || true; }
