// Helpers for the end-to-end tests: a real VS Code (code-server 4.100.3 = VS Code 1.100.3, its
// server and web workbench) driven by Debian's headless Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER = process.env.CODE_SERVER
  || path.join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const WORKSPACE_TEMPLATE = path.join(ROOT, 'test/e2e/workspace');

/** A fresh workspace: test/e2e/workspace/ plus copies of the seed reports. */
export function makeWorkspace(parent) {
  const dir = path.join(parent ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-')), 'workspace');
  fs.cpSync(WORKSPACE_TEMPLATE, dir, { recursive: true });
  for (const f of fs.readdirSync(SEEDS)) {
    fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    fs.chmodSync(path.join(dir, f), 0o644); // the seeds are read-only; the copies get edited
  }
  return dir;
}

/** Private dirs for one code-server run; its log stays there when a run fails. */
export function makeRunDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-code-server-'));
  for (const d of ['user-data/User', 'extensions', 'tmp', 'xdg']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return dir;
}

function env(runDir) {
  return {
    ...process.env,
    // No marketplace (open-vsx.org) look-ups: the tests never leave the machine.
    EXTENSIONS_GALLERY: '{}',
    // VS Code leaves IPC sockets in TMPDIR; code-server writes its config under XDG_*.
    TMPDIR: path.join(runDir, 'tmp'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg'),
    XDG_DATA_HOME: path.join(runDir, 'xdg'),
  };
}

/** `code-server --install-extension vsix` into extensionsDir; returns its output. */
export function installExtension(runDir, extensionsDir, vsix) {
  const r = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env: env(runDir), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Starts code-server on a free loopback port in its own process group.
 * Returns { authority, logFile, stop }; await stop() ends code-server and its extension hosts.
 */
export async function startCodeServer({ runDir, userDataDir, extensionsDir }) {
  userDataDir ??= path.join(runDir, 'user-data');
  extensionsDir ??= path.join(runDir, 'extensions');
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({
      'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false, 'git.enabled': false,
    }, null, 2));
  }
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const logFile = path.join(runDir, 'code-server.log');
  // Written synchronously, so a failing run that exits at once still leaves the whole log.
  const log = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, [
    '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env(runDir) });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  child.on('close', () => fs.closeSync(log));
  const kill = () => { if (!exited) { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } } };
  process.on('exit', kill);
  const stop = async () => { kill(); await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]); };
  // Up once it says so on stdout (every line also goes to the log).
  const listening = `HTTP server listening on http://127.0.0.1:${port}/`;
  const up = await new Promise((resolve) => {
    let seen = '';
    const timer = setTimeout(() => resolve(false), 60_000);
    const done = (ok) => { clearTimeout(timer); resolve(ok); };
    child.stdout.on('data', (chunk) => {
      fs.writeSync(log, chunk);
      if (seen !== null && (seen = (seen + chunk).slice(-4096)).includes(listening)) { seen = null; done(true); }
    });
    child.stderr.on('data', (chunk) => fs.writeSync(log, chunk));
    exit.then(() => done(false));
  });
  if (!up) { await stop(); throw new Error(`code-server did not start; log: ${logFile}`); }
  return { authority: `127.0.0.1:${port}`, logFile, stop };
}

/** Debian's Chromium, headless. */
export async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The workbench URL. VS Code's `payload` query is the web form of the desktop flags
 * --extensionDevelopmentPath / --extensionTestsPath; paths are on the server's disk.
 */
export function workbenchUrl(authority, { folder, devPaths = [], testsPath }) {
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [
    ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []),
    ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
  ];
  return `http://${authority}/?payload=${encodeURIComponent(JSON.stringify(payload))}`
    + (folder ? `&folder=${encodeURIComponent(path.resolve(folder))}` : '&ew=true');
}
