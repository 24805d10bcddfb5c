#!/usr/bin/env bash
# Grammar and rule-docs tests.
#   - syntaxes/gov-report.tmLanguage.json is generated from syntaxes/src and up to date
#   - every test/grammar/*.test.txt passes vscode-tmgrammar-test (one test per file)
#   - every test/grammar/must-fail/*.test.txt is reported as failing (the runner can fail)
#   - docs/rules/README.md is in sync with the rule docs (scripts/rules-index.mjs --check)
# Ends with "N passed, M failed"; exit code 1 on any failure.
set -u
cd "$(dirname "$0")/.."

RUNNER=node_modules/vscode-tmgrammar-test/dist/unit.js
CONFIG=test/grammar/grammars.json
passed=0
failed=0
failures=()

if [ -t 1 ]; then GREEN=$'\033[32m' RED=$'\033[31m' OFF=$'\033[0m'; else GREEN='' RED='' OFF=''; fi
ok() { passed=$((passed + 1)); printf '    %s✓%s %s\n' "$GREEN" "$OFF" "$1"; }
ko() {
  failed=$((failed + 1))
  printf '    %s%d) %s%s\n' "$RED" "$failed" "$1" "$OFF"
  failures+=("$failed) $1"$'\n'"$2")
}

run() { # name, command...
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then ok "$name"; else ko "$name" "$out"; fi
}

echo
echo '  grammar'
run 'grammar JSON is generated from syntaxes/src and up to date' \
  node syntaxes/src/gov-report.grammar.mjs --check
run 'grammar scopeName is text.gov-report' \
  node -e 'const g=require("./syntaxes/gov-report.tmLanguage.json"); if (g.scopeName !== "text.gov-report") { console.error("scopeName is " + g.scopeName); process.exit(1); }'

if [ ! -f "$RUNNER" ]; then
  ko 'vscode-tmgrammar-test is installed' "missing $RUNNER: run npm install"
else
  for f in test/grammar/*.test.txt; do
    run "$(basename "$f")" node "$RUNNER" --config "$CONFIG" --compact "$f"
  done

  echo
  echo '  grammar runner self-check (these files must fail)'
  for f in test/grammar/must-fail/*.test.txt; do
    name="$(basename "$f") is reported as failing"
    if out=$(node "$RUNNER" --config "$CONFIG" --compact "$f" 2>&1); then
      ko "$name" "the runner passed a file whose assertions are wrong:"$'\n'"$out"
    elif grep -q -E 'Missing required scopes|Prohibited scopes' <<<"$out"; then
      ok "$name"
    else
      ko "$name" "the runner failed for another reason:"$'\n'"$out"
    fi
  done
fi

echo
echo '  rule docs'
run 'docs/rules/*.md follow the template and cover all rules' node scripts/rules-index.mjs --check

if [ "$failed" -gt 0 ]; then
  echo
  for f in "${failures[@]}"; do
    printf '  %s\n\n' "$f"
  done
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
