/**
 * The command-line tool as a user gets it: `npm pack` (prepack builds the bundles), then
 * `npm install -g` of the tarball into a temporary prefix, offline: the bundles need no
 * dependencies, so nothing is fetched.
 */
import * as assert from 'assert';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runCli, seedPath } from '../unit/helpers';

const windows = process.platform === 'win32';

function npm(args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(windows ? 'npm.cmd' : 'npm', args, { cwd: ROOT, encoding: 'utf8', shell: windows, timeout: 170000, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('npm pack: the command-line tool a user installs', function () {
  this.timeout(180000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-pack-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the tarball holds the bins and bundles, installs offline with no dependencies, and report-review checks a seed', () => {
    const pack = npm(['pack', '--json', '--pack-destination', tmp]);
    assert.strictEqual(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = info.files.map((f) => f.path);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'bin/report-review.js', 'bin/report-review-lsp.js', 'bin/not-built.js', 'dist/cli.js', 'dist/server.js', 'docs/rules/row-total.md']) {
      assert.ok(files.includes(f), `${f} in the tarball`);
    }
    assert.ok(files.includes('dist/formats/index.mjs'), 'the document readers');
    assert.deepStrictEqual(files.filter((f) => /^(server|client|test|node_modules|out)\/|\.map$|\.vsix$/.test(f)), [], 'no sources, tests or maps');

    const prefix = path.join(tmp, 'prefix');
    const install = npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(tmp, info.filename)], { cwd: tmp });
    assert.strictEqual(install.status, 0, install.stderr);
    const installed = path.join(prefix, windows ? '' : 'lib', 'node_modules', 'report-review');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'no dependencies installed');

    const bin = path.join(prefix, windows ? 'report-review.cmd' : path.join('bin', 'report-review'));
    const r = spawnSync(bin, ['check', seedPath('001')], { cwd: ROOT, encoding: 'utf8', shell: windows, timeout: 30000 });
    const expected = runCli(['check', seedPath('001')]);
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [1, expected.stdout, expected.stderr]);
    assert.ok(r.stdout.includes('missing-cell'), r.stdout);
    // The document readers came along: an HTML page reads the same as in the repository.
    const dir = path.join(ROOT, 'test', 'fixtures', 'formats', 'html');
    const page = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.html'))!);
    const d = spawnSync(bin, ['check', '--format', 'json', page], { cwd: ROOT, encoding: 'utf8', shell: windows, timeout: 60000 });
    const dExpected = runCli(['check', '--format', 'json', page]);
    assert.deepStrictEqual([d.status, d.stdout, d.stderr], [dExpected.code, dExpected.stdout, dExpected.stderr]);
    assert.ok(JSON.parse(d.stdout).files[0].template, d.stdout);
    // And a PDF, without the canvas package pdf.js draws with (stderr may carry pdf.js's note that it is absent).
    const pdf = path.join(ROOT, 'test', 'fixtures', 'formats', 'pdf', '005_pingtan_xingzhengshenpi_2024.pdf');
    const p = spawnSync(bin, ['check', pdf], { cwd: ROOT, encoding: 'utf8', shell: windows, timeout: 60000 });
    const pExpected = runCli(['check', pdf]);
    assert.deepStrictEqual([p.status, p.stdout], [pExpected.code, pExpected.stdout], p.stderr);
    assert.ok(p.stdout.includes('review-total'), p.stdout);
    assert.ok(fs.existsSync(path.join(prefix, windows ? 'report-review-lsp.cmd' : path.join('bin', 'report-review-lsp'))), 'report-review-lsp installed');
  });
});
