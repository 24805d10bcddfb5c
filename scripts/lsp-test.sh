#!/usr/bin/env bash
# Language-server and packaging tests: packages the .vsix (and so builds the bundles) when it is
# missing or stale, compiles the tests, then runs test/lsp (server over stdio) and test/package
# (the .vsix contents) with mocha.
# Ends with one line `N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() {
  echo "== $*"
  if ! "$@" >"$log" 2>&1; then
    cat "$log"
    echo "lsp-test: '$*' failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
}

# Packaging builds the production bundles the tests run (unless the .vsix there is up to date).
source scripts/fresh.sh
if vsix_stale; then
  step npm run --silent package
elif bundles_stale; then
  step npm run --silent build
fi
# Compiled copies of tests since deleted or renamed must not run.
rm -rf out/test/lsp out/test/package
step npm run --silent compile

passed=0
failed=0
status=0
for suite in 'out/test/lsp/**/*.test.js' 'out/test/package/**/*.test.js'; do
  echo "== mocha $suite"
  npx mocha --reporter spec --timeout 20000 "$suite" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  p=$(grep -Eo '^ *[0-9]+ passing' "$log" | grep -Eo '[0-9]+' | tail -1)
  f=$(grep -Eo '^ *[0-9]+ failing' "$log" | grep -Eo '[0-9]+' | tail -1)
  p=${p:-0}
  f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # crashed before its summary
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$rc" -ne 0 ] && status=1
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
