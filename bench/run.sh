#!/usr/bin/env bash
# Runs every paygo benchmark and writes docs/benchmarks.md: ingestion and query load against paygo on SQLite
# and PostgreSQL (127.0.0.1:5432, database test), the storage baselines, and JMH. `bench/run.sh quick` is a
# short smoke run. Only loopback is targeted; every load stops by itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# wrk (from Debian's packages) drives the query load; without it a Java client does, and measures itself.
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q wrk >/dev/null 2>&1; } || true
fi
mvn -q -B -DskipTests -pl cli,bench -am package
java -jar bench/target/paygo-bench.jar cli/target/paygo.jar docs/benchmarks.md "${1:-full}"
