#!/usr/bin/env bash
# The fault tests of apps/server/test/faults — generated inputs (fuzz), concurrent requests (races)
# and kill -9 of the real server (crash) — on PGlite and on PostgreSQL. They are kept out of
# `npm test` (minutes, not seconds); CI runs both. Writes vitest JSON reports to
# .test-results/faults/ and ends with one summary line "Total: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
results="$(pwd)/.test-results/faults"
rm -rf "$results" && mkdir -p "$results"
status=0
step() { echo; echo "=== $* ==="; }

step "faults on PGlite (fuzz, crash; races need PostgreSQL)"
(cd apps/server && npx vitest run -c vitest.faults.config.ts --reporter=default --reporter=json --outputFile="$results/faults-pglite.json") || status=1

step "faults on PostgreSQL (fuzz, races, crash)"
bash scripts/with-postgres.sh bash -c "cd apps/server && npx vitest run -c vitest.faults.config.ts --reporter=default --reporter=json --outputFile='$results/faults-postgres.json'"
pg=$?
if [ $pg -eq 3 ]; then echo "(PostgreSQL not available: skipped)"; elif [ $pg -ne 0 ]; then status=1; fi

step "summary"
node scripts/summarize-tests.mjs "$results" || status=1
exit $status
