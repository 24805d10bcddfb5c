#!/usr/bin/env node
// Stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It takes exactly the arguments runTests passes (a folder, --extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir= and a few desktop-only flags),
// starts code-server, opens its workbench in headless Chromium, lets VS Code run the extension
// tests in its Node extension host and exits with their exit code. The extension host's output
// (mocha's report) is forwarded to stdout. When the run fails, code-server's log is kept.
// Env: VSCODE_SHIM_TIMEOUT (seconds, default 300), VERBOSE=1 (echo the browser console).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium, makeRunDir, startCodeServer, workbenchUrl } from './codeServer.mjs';

// The workbench's own start-up chatter, which reaches the same log hook as the tests' output.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore)/;
// Flags runTests adds for desktop Electron; they mean nothing to the web workbench.
const DESKTOP_ONLY = new Set(['--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome',
  '--skip-release-notes', '--disable-workspace-trust']);
const devPaths = [];
let testsPath, userDataDir, extensionsDir, folder;
for (const a of process.argv.slice(2)) {
  const [, key, value] = /^--([^=]+)=(.*)$/.exec(a) ?? [];
  if (key === 'extensionDevelopmentPath') devPaths.push(path.resolve(value));
  else if (key === 'extensionTestsPath') testsPath = path.resolve(value);
  else if (key === 'user-data-dir') userDataDir = path.resolve(value);
  else if (key === 'extensions-dir') extensionsDir = path.resolve(value);
  else if (!a.startsWith('-') && folder === undefined) folder = path.resolve(a);
  else if (!DESKTOP_ONLY.has(a)) { console.error(`[code.mjs] unsupported argument: ${a}`); process.exit(2); }
}
if (!testsPath) { console.error('[code.mjs] --extensionTestsPath= is required'); process.exit(2); }

const runDir = makeRunDir();
let exitCode = 1;
let server, browser;
try {
  server = await startCodeServer({ runDir, userDataDir, extensionsDir });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (process.env.VERBOSE) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  // With extensionTestsPath set, the workbench forwards the extension host's console and the
  // tests' exit code to these hooks (the ones @vscode/test-web uses too).
  await page.exposeFunction('codeAutomationLog', (_level, args) => {
    const line = format(...args);
    if (process.env.VERBOSE || !NOISE.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const timeout = Number(process.env.VSCODE_SHIM_TIMEOUT || 300);
  const timer = setTimeout(() => finish(`no result after ${timeout}s`), timeout * 1000);
  await page.goto(workbenchUrl(server.authority, { folder, devPaths, testsPath }));
  const code = await finished;
  clearTimeout(timer);
  if (typeof code === 'number') exitCode = code;
  else console.error(`[code.mjs] ${code}`);
  if (exitCode !== 0) await page.screenshot({ path: path.join(runDir, 'workbench.png') }).catch(() => {});
} catch (e) {
  console.error(`[code.mjs] ${e.stack || e}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}
if (exitCode === 0) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
else console.error(`[code.mjs] tests failed; code-server log kept: ${path.join(runDir, 'code-server.log')} (workbench.png beside it)`);
process.exit(exitCode);
