#!/usr/bin/env node
// Runs the extension's mocha suite (out/test/e2e/suite/) inside a real VS Code with
// @vscode/test-electron's runTests. VS Code cannot be downloaded here, so vscodeExecutablePath
// points at test/e2e/code.mjs, which runs VS Code 1.100.3 (code-server) in headless Chromium.
// Env: E2E_GREP (mocha grep), E2E_FAIL=1 (add a test that must fail: checks the plumbing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import testElectron from '@vscode/test-electron';
import { ROOT, makeWorkspace } from './codeServer.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-'));
let code = 0;
try {
  await testElectron.runTests({
    vscodeExecutablePath: path.join(ROOT, 'test/e2e/code.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/e2e/suite/index.js'),
    // A fresh profile each run, so no setting or state leaks from an earlier run.
    launchArgs: [makeWorkspace(tmp), `--user-data-dir=${tmp}/user-data`, `--extensions-dir=${tmp}/extensions`],
  });
} catch (e) {
  console.error(`[runTest] ${e.message}; workspace and profile (extension host logs) kept: ${tmp}`);
  code = 1;
}
if (code === 0) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
process.exit(code);
