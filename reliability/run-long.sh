#!/usr/bin/env bash
# The reliability suite's long mode, on SQLite and PostgreSQL: 50 SIGKILLs in the crash loop, 20 during billing
# runs over 2,000 accounts, 100,000 fuzzed requests, ten times the two-node load. About 30 minutes on a 2-core
# machine. Figures: reliability/target/
# reliability/figures.txt (docs/reliability.md quotes them). PostgreSQL must answer at 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl reliability -am
rm -f reliability/target/reliability/figures.txt
mvn -B verify -pl reliability -Dpaygo.reliability.mode=long "$@"
cat reliability/target/reliability/figures.txt
