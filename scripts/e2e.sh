#!/usr/bin/env bash
# End-to-end tests of the extension in a real VS Code 1.100.3 (code-server + headless Chromium):
#   1. the mocha suite inside VS Code (@vscode/test-electron runTests, test/e2e/runTest.mjs);
#   2. the packaged report-review.vsix, installed with --install-extension, checked through the
#      workbench UI (test/e2e/ui.mjs; screenshots in test-artifacts/);
#   3. before those, the review report (`check --format html`) in headless Chromium (test/e2e/report.mjs).
# Installs what it needs (scripts/setup-e2e.sh), builds and packages when dist/ or the vsix are
# missing or older than their sources. Ends with `N passed, M failed`; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$SECONDS
passed=0 failed=0

# Runs one step, adds its `N passed, M failed` line to the totals (a step that fails without
# one counts as one failure).
step() {
  local log status line p f
  log="$(mktemp)"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)"
  rm -f "$log"
  read -r p _ f _ <<<"${line:-0 passed, 0 failed}"
  [ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  passed=$((passed + p)) failed=$((failed + f))
  return "$status"
}
finish() {
  echo "e2e: $((SECONDS - start)) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

step bash scripts/setup-e2e.sh || finish
source scripts/fresh.sh
if vsix_stale; then
  step npm run --silent package || finish
elif bundles_stale; then
  step npm run --silent build || finish
fi
# Compiled copies of tests since deleted or renamed must not run.
rm -rf out/test/e2e
step npm run --silent compile || finish

echo; echo "Chromium: the review report (check --format html)"
step node test/e2e/report.mjs
echo; echo "VS Code: mocha suite in the extension host"
step node test/e2e/runTest.mjs
echo; echo "VS Code: the packaged extension in the workbench"
step node test/e2e/ui.mjs
finish
