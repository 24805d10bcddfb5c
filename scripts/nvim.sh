#!/usr/bin/env bash
# Neovim (Debian's, headless) as a second LSP client: report-review-lsp --stdio must give it the
# same diagnostics for seed 001 as the CLI. Ends with `N passed, M failed`; exits 1 on failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v nvim >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
if [ ! -f dist/server.js ] || [ ! -f dist/cli.js ] ||
   [ -n "$(find server/src bin -newer dist/server.js -print -quit)" ]; then
  npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
fi
npm run --silent compile || { echo "0 passed, 1 failed"; exit 1; }
log="$(mktemp)"
node out/test/nvim/check.js 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
grep -qE '^[0-9]+ passed, [0-9]+ failed$' "$log" || echo "0 passed, 1 failed"
rm -f "$log"
exit "$status"
