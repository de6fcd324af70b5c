#!/usr/bin/env bash
# Every test of the project: lint, format, typecheck, rules unit and property tests, server tests on PGlite and
# on PostgreSQL, the scale generator and benchmark harness at a tiny size, the web build and its bundle budget,
# and Playwright end to end in Debian's Chromium. Ends with one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
step() { echo; echo "=== $* ==="; }

bash scripts/install-test-tools.sh || true

step "lint: ESLint (layering by path), Prettier"
(npx eslint . && npx prettier --check .) || status=1

step "lint: each forbidden import direction fails"
node scripts/lint-boundaries.test.mjs "$results/lint-boundaries.json" || status=1

step "typecheck (every package, e2e included)"
pnpm -r --reporter=append-only run typecheck || status=1

step "rules: unit and property tests"
(cd packages/rules && npx vitest run --reporter=default --reporter=json --outputFile="$results/rules.json") || status=1

step "web: kit helpers (dates, money, URL filters)"
(cd apps/web && npx vitest run --reporter=default --reporter=json --outputFile="$results/web.json") || status=1

step "server: service and router tests on PGlite"
(cd apps/server && npx vitest run --reporter=default --reporter=json --outputFile="$results/server-pglite.json") || status=1

step "server: service and router tests on PostgreSQL"
bash scripts/with-postgres.sh bash -c "cd apps/server && npx vitest run --reporter=default --reporter=json --outputFile='$results/server-postgres.json'"
pg=$?
if [ $pg -eq 3 ]; then echo "(PostgreSQL not available: skipped)"; elif [ $pg -ne 0 ]; then status=1; fi

step "bench: the scale data generator and the benchmark harness at 200 persons (PGlite; no timings judged)"
(cd bench && npx vitest run --reporter=default --reporter=json --outputFile="$results/bench.json") || status=1

step "web build"
pnpm --filter @portal/web run build || status=1

step "web: bundle budget (what the sign-in page and the first page load, gzip; precompressed assets)"
node scripts/check-bundle.mjs "$results/bundle.json" || status=1

step "end-to-end (Playwright, Debian Chromium)"
if [ -x /usr/bin/chromium ]; then
  (cd e2e && E2E_LOG_FILE="$results/e2e-server.log" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json) || status=1
  step "server log of the end-to-end run: no personal data"
  node scripts/scan-log.mjs "$results/e2e-server.log" "$results/log-scan.json" || status=1
else
  echo "Chromium missing (/usr/bin/chromium): end-to-end tests cannot run" >&2
  status=1
fi

step "summary"
node scripts/summarize-tests.mjs "$results" || status=1
exit $status
