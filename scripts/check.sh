#!/usr/bin/env bash
# npm test: the whole gate. Typecheck, lint, format, unit/property/conformance tests (Vitest),
# build, browser tests (Playwright in Debian's chromium), then one summary line, printed last:
# `N passed, N failed` (a skipped test counts as failed). Every step runs even after a failure; the exit status is non-zero
# if anything failed. Step results go to reports/steps.json, runner results to reports/*.json.
set -uo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

rm -rf reports
mkdir -p reports

failed=0
steps_json=''
# record NAME passed|failed
record() {
  steps_json="${steps_json:+$steps_json, }\"$1\": \"$2\""
  printf '{ %s }\n' "$steps_json" >reports/steps.json
}
# step NAME COMMAND...: run it, record the outcome, never stop the chain.
step() {
  local name=$1
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  if "$@"; then
    record "$name" passed
  else
    record "$name" failed
    failed=1
    printf '==> %s FAILED\n' "$name"
  fi
}

printf '==> chromium: scripts/setup.sh --chromium-only\n'
bash scripts/setup.sh --chromium-only || failed=1

step typecheck npx --no-install tsc -b
step lint npx --no-install eslint .
step format npx --no-install prettier --check .

# The runners' exit statuses are recorded too: the summary counts their tests from the JSON
# reports, and a runner that failed without a failing test in its report (a crash, an unhandled
# error) as one more failure.
step vitest npx --no-install vitest run --passWithNoTests --reporter=default --reporter=json \
  --outputFile.json=reports/vitest.json

step build npx --no-install vite build

if [ -d dist ] && grep -q '"build": "passed"' reports/steps.json; then
  step playwright env PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json \
    npx --no-install playwright test --reporter=list,json
else
  # `vite preview` would serve a stale or missing dist/; the missing report counts as a failure.
  printf '\n==> playwright: not run, the build failed\n'
  record playwright failed
  failed=1
fi

printf '\n'
node scripts/summary.mjs || failed=1
exit "$failed"
