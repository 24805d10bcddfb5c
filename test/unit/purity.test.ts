/** server/src/core stays pure: no vscode*, no node:* and no Node built-in module is imported. */
import * as assert from 'assert';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

const CORE = path.join(ROOT, 'server', 'src', 'core');
const BUILTIN = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier: import … from 'x', import 'x', export … from 'x', import('x'), require('x'). */
export function specifiers(src: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of src.matchAll(re)) out.push(m[1]);
  return out;
}

function forbidden(spec: string): boolean {
  if (spec.startsWith('.')) return false;
  return spec.startsWith('node:') || spec === 'vscode' || spec.startsWith('vscode-') || spec.startsWith('@vscode/') || BUILTIN.has(spec) || BUILTIN.has(spec.split('/')[0]);
}

describe('purity of server/src/core', () => {
  it('the scanner finds every import form (self-check)', () => {
    const src = "import * as fs from 'fs';\nimport type { X } from \"vscode\";\nimport 'node:path';\nexport * from './a';\nexport { b } from 'os';\nconst c = require('child_process');\nconst d = await import('worker_threads');\nimport {\n  e,\n} from './e';";
    assert.deepStrictEqual(specifiers(src).sort(), ['./a', './e', 'child_process', 'fs', 'node:path', 'os', 'vscode', 'worker_threads'].sort());
    assert.deepStrictEqual(specifiers(src).filter(forbidden).sort(), ['child_process', 'fs', 'node:path', 'os', 'vscode', 'worker_threads']);
  });

  it('no file imports vscode*, node:* or a Node built-in, and relative imports stay inside core', () => {
    const files = sources(CORE);
    assert.ok(files.length >= 10, 'core sources found');
    const bad: string[] = [];
    for (const f of files) {
      for (const s of specifiers(fs.readFileSync(f, 'utf8'))) {
        const outside = s.startsWith('.') && !path.resolve(path.dirname(f), s).startsWith(CORE + path.sep);
        if (forbidden(s) || outside) bad.push(`${path.relative(ROOT, f)}: ${s}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('no global Node objects (process, Buffer, require, __dirname) and no clock or randomness', () => {
    assert.deepStrictEqual(globalsUsed("// process.env\nconst s = 'Date';\nconst t = Date.now() + Math.random();\nif (process.env.X) Buffer.from('')"), ['Date', 'Math.random', 'process', 'Buffer']);
    const bad: string[] = [];
    for (const f of sources(CORE)) for (const g of globalsUsed(fs.readFileSync(f, 'utf8'))) bad.push(`${path.relative(ROOT, f)}: ${g}`);
    assert.deepStrictEqual(bad, []);
  });
});

/** Node-only globals, the clock and randomness used in code (comments and string literals ignored). */
function globalsUsed(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
  return [...code.matchAll(/\b(process|Buffer|require|__dirname|__filename|setImmediate|Date|performance|Math\.random)\b/g)].map((m) => m[1]);
}
