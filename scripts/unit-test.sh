#!/usr/bin/env bash
# Unit tests (core checker, CLI, fixtures, seeds): compile with tsc, rebuild dist/cli.js when it
# is missing or older than its sources, run mocha over out/test/unit. Prints mocha's spec lines
# and ends with `N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

rm -rf out/test/unit
tsc_out="$(npx --no-install tsc -p . 2>&1)"
tsc_rc=$?
if [ $tsc_rc -ne 0 ]; then
  printf '%s\n' "$tsc_out" | grep -v '^npm warn'
  # Errors in what this suite tests or is made of are fatal; elsewhere tsc still emits our files.
  if printf '%s\n' "$tsc_out" | grep -qE '^(test/unit|server/src)/'; then
    echo "tsc failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "(type errors outside test/unit and server/src: running the unit tests anyway)"
fi

if [ ! -f dist/cli.js ] || [ -n "$(find server/src package.json -newer dist/cli.js \( -name '*.ts' -o -name '*.json' \) -print -quit)" ]; then
  if ! node scripts/build.mjs >/dev/null; then
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

npx --no-install mocha --reporter ./out/test/unit/reporter.js --timeout 20000 'out/test/unit/**/*.test.js'
