#!/usr/bin/env bash
# The main job on a fresh machine: install, build, check the bundled sample reports with the
# CLI, and package the extension as report-review.vsix.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
# Packaging builds the production bundles first (vscode:prepublish); the CLI below uses them.
npm run package
ls -l report-review.vsix
echo
echo "== report-review check test/fixtures/seeds"
# Exit code 1 means "the reports have errors" (the seeds do, on purpose); 2 would be a real failure.
npm run --silent check-samples || [ $? -eq 1 ]
