#!/usr/bin/env bash
# The main job on a fresh machine: install, build, check the bundled sample reports with the
# CLI, and package the extension as report-review.vsix.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build -- --production
echo
echo "== report-review check test/fixtures/seeds"
# Exit code 1 means "the reports have errors" (the seeds do, on purpose); 2 would be a real failure.
node bin/report-review.js check test/fixtures/seeds || [ $? -eq 1 ]
echo
npm run package
ls -l report-review.vsix
