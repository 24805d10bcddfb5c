#!/usr/bin/env node
/**
 * Prints the layout × report matrix of the corpus (test/corpus): ✓ where a layout of a report
 * gives the report's truth, ✗ where it does not, then every ✗ with its differences.
 * Run `npm run corpus` (compiles first), or `node scripts/corpus-matrix.mjs [--all] [--add]` after
 * `npm run compile`; `--all` prints every difference, not only the first; `--add` adds the pairs
 * that now give their truth to test/corpus/passing.json (it never removes one: a pair that no
 * longer passes is a regression to fix, not to unlist).
 *
 * 打印语料的“版式 × 报告”矩阵：✓ 表示该版式给出与真值相同的错误和警告。
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { CORPUS, PASSING, compareAll, matrix } = require(path.join(ROOT, 'out', 'test', 'corpus', 'compare.js'));

const outcomes = compareAll();
console.log(matrix(outcomes));
if (process.argv.includes('--all')) {
  for (const o of outcomes.filter((x) => !x.pass)) {
    console.log(`\n${o.report} ${o.layout}`);
    for (const d of o.diff) console.log(`  ${d}`);
  }
}
if (process.argv.includes('--add')) {
  const listed = new Set(PASSING);
  const added = outcomes.filter((o) => o.pass && !listed.has(`${o.report}/${o.layout}`)).map((o) => `${o.report}/${o.layout}`);
  const order = outcomes.map((o) => `${o.report}/${o.layout}`);
  const next = [...PASSING, ...added].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  fs.writeFileSync(path.join(CORPUS, 'passing.json'), JSON.stringify(next, null, 2) + '\n');
  console.log(`\npassing.json: ${added.length} pair${added.length === 1 ? '' : 's'} added${added.length ? ': ' + added.join(', ') : ''}`);
}
