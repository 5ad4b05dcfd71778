#!/usr/bin/env bash
# npm test — the whole suite: typecheck, lint, version floors, unit + integration tests
# (Postgres when DATABASE_URL is set, else an in-memory PGlite), a production build, and the
# Playwright suite against it. Ends with one summary line of every test counted.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data/test-results

echo "── typecheck"
npx tsc --noEmit
echo "── lint"
npx eslint . --max-warnings=0
echo "── version floors"
node scripts/check-versions.mjs

if [[ -n "${DATABASE_URL:-}" ]]; then
  echo "── unit + integration tests (Postgres: DATABASE_URL)"
else
  echo "── unit + integration tests (embedded PGlite, in memory)"
  export PGLITE_DIR="memory://"
fi
npx vitest run --reporter=default --reporter=json --outputFile.json=.data/test-results/vitest.json
unset PGLITE_DIR

echo "── production build"
npx next build

echo "── end-to-end tests (Playwright, Chromium)"
if [[ -n "${DATABASE_URL:-}" ]]; then
  npx tsx --conditions=react-server db/seed-cli.ts
else
  # A throwaway embedded database, so the suite never touches your .data/pglite.
  rm -rf .data/e2e-pglite .data/e2e-pglite.lock
  export PGLITE_DIR=".data/e2e-pglite"
fi
npx tsx --conditions=react-server e2e/seed-e2e.ts
# The empty install the closed sign-up tests run against starts with no tenant every time.
rm -rf .data/e2e-empty-install .data/e2e-empty-install.lock
npx playwright test

node scripts/test-summary.mjs .data/test-results/vitest.json .data/test-results/playwright.json
