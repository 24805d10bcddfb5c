// Neovim (Debian's 0.7, headless, built-in LSP client) against `report-review-lsp --stdio`:
// it must show the same diagnostics for seed 001 as `report-review check --format json`, before
// and after an edit. Prints mocha-style results and `N passed, M failed`; exits 1 on failure.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliCheck, cliCheckText, ROOT, SEEDS, sortShown, type Severity, type Shown } from '../e2e/suite/oracle';

interface NvimDiagnostic {
  code: string;
  severity: 1 | 2 | 3 | 4;
  source: string;
  message: string;
  range: [number, number, number, number];
}
interface NvimResult { open: NvimDiagnostic[] | null; edited: NvimDiagnostic[] | null; log: string[] }

const SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const shown = (list: NvimDiagnostic[]): Shown[] => sortShown(list.map((d) => ({
  code: d.code, severity: SEVERITY[d.severity], range: d.range, message: d.message,
})));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-nvim-'));
const seed = fs.readdirSync(SEEDS).find((n) => n.startsWith('001_'))!;
const file = path.join(tmp, seed);
fs.copyFileSync(path.join(SEEDS, seed), file);
fs.chmodSync(file, 0o644);
const lines = fs.readFileSync(file, 'utf8').split('\n');
// Break table 三's （七）总计 row: its 总计 column says 99.
const editLine = lines.findIndex((l) => l.startsWith('（七）总计 '));
const editText = lines[editLine].replace(/\d+(\s*)$/, '99$1');
const broken = [...lines.slice(0, editLine), editText, ...lines.slice(editLine + 1)].join('\n');

const out = path.join(tmp, 'diagnostics.json');
const started = Date.now();
const nvim = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(ROOT, 'test/nvim/check.lua')}`, file], {
  cwd: tmp, encoding: 'utf8', timeout: 60_000,
  // The server's messages follow the locale variables when the client names no language.
  env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8', RR_SERVER: path.join(ROOT, 'bin/report-review-lsp.js'), RR_OUT: out,
    RR_EDIT_LINE: String(editLine + 1), RR_EDIT_TEXT: editText },
});
const result: NvimResult = fs.existsSync(out)
  ? JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult
  : { open: null, edited: null, log: [`nvim wrote nothing (status ${nvim.status}, ${nvim.error ?? ''}) ${nvim.stderr}`] };
const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
console.log(`\n  ${version} against report-review-lsp --stdio (${Date.now() - started} ms)`);
for (const line of result.log) console.log(`      ${line}`);

let passed = 0;
let failed = 0;
function test(name: string, fn: () => void): void {
  try {
    fn();
    passed++;
    console.log(`    ✔ ${name}`);
  } catch (e) {
    failed++;
    console.log(`    ✗ ${name}\n      ${String((e as Error).message).split('\n').join('\n      ')}`);
  }
}

test(`${seed}: the same diagnostics as the CLI`, () => {
  assert.ok(result.open, 'no diagnostics arrived');
  assert.ok(result.open.every((d) => d.source === 'report-review'), 'source is report-review');
  assert.deepStrictEqual(shown(result.open), cliCheck(file, 'zh-CN'));
});
test('after breaking the （七）总计 row: the CLI\'s diagnostics of the edited text', () => {
  assert.ok(result.edited, 'no diagnostics arrived after the edit');
  const expected = cliCheckText(broken, 'zh-CN', seed);
  assert.ok(expected.some((s) => s.code === 'row-total' && s.range[0] === editLine), 'the CLI reports the broken row total');
  assert.deepStrictEqual(shown(result.edited), expected);
});

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
