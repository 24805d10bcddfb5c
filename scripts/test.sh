#!/usr/bin/env bash
# Every test suite of the project, in order; each ends with a line "N passed, M failed" and this
# script sums them into one such line. Exit code 0 only when every suite passed.
#   usage: npm test            (all suites)
#          bash scripts/test.sh unit lsp   (only some)
set -u
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund

declare -A CMD=(
  [unit]="bash scripts/unit-test.sh"
  [grammar]="bash scripts/grammar-test.sh"
  [lsp]="bash scripts/lsp-test.sh"
  [e2e]="bash scripts/e2e.sh"
  [nvim]="bash scripts/nvim.sh"
)
ORDER=(unit grammar lsp e2e nvim)
[ $# -gt 0 ] && ORDER=("$@")

passed=0
failed=0
bad=()
for name in "${ORDER[@]}"; do
  cmd=${CMD[$name]:-}
  echo
  echo "=== $name: $cmd"
  log=$(mktemp)
  if [ -z "$cmd" ]; then
    echo "unknown suite: $name" | tee "$log"
    rc=2
  else
    $cmd 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
  fi
  line=$(grep -aE '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 | sed -E 's/^[A-Za-z]+: //')
  p=0
  f=0
  if [ -n "$line" ]; then
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
  fi
  # A suite that failed, or ended without its summary line, counts as failed (at least once).
  if [ "$rc" -ne 0 ] || [ -z "$line" ] || [ "$f" -gt 0 ]; then
    [ "$f" -eq 0 ] && f=1
    bad+=("$name")
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  rm -f "$log"
done
echo
[ ${#bad[@]} -gt 0 ] && echo "failed suites: ${bad[*]}"
echo "$passed passed, $failed failed"
[ ${#bad[@]} -eq 0 ]
