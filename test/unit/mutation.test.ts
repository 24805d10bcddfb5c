/**
 * Generated: every cell of tables 三 and 四 of every seed, in turn, is raised by 1. The checker must
 * report an arithmetic error on an identity that contains that cell (its row or its column) and
 * nowhere else, and `fixAll` must leave no arithmetic error. Where the cell takes part in two
 * identities or more, the broken cell is identified and fixing restores the seed exactly.
 */
import * as assert from 'assert';
import { check, fixAll, type CellModel, type RowModel } from '../../server/src/core';
import { ARITHMETIC, OPTIONS, SEED_IDS, seed, said } from './helpers';

const T4_GROUP = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'];

function mutate(text: string, c: CellModel): string {
  return text.slice(0, c.span.start) + String(c.value + 1) + text.slice(c.span.end);
}

function arithmetic(text: string) {
  return check(text, OPTIONS).problems.filter((p) => ARITHMETIC.has(p.rule));
}

describe('mutation: every cell of tables 三 and 四 of every seed, +1', () => {
  for (const id of SEED_IDS) {
    describe(`seed ${id}`, () => {
      const text = seed(id);
      const model = check(text, OPTIONS).model;
      const fixedSeed = fixAll(text, OPTIONS);
      const rows: RowModel[] = [...model.tables.t3!.rows, ...model.tables.t4!.rows];

      it('is itself free of arithmetic errors', () => {
        assert.deepStrictEqual(arithmetic(text), []);
      });

      for (const row of rows) {
        const t4 = row.key === 't4.row';
        const label = t4 ? '表四' : row.key;
        if (!row.aligned) {
          it(`${label} (a cell short as published): a change there cannot be judged; missing-cell stays, no arithmetic error`, () => {
            for (const c of row.cells) {
              const bad = mutate(text, c);
              assert.deepStrictEqual(arithmetic(bad), [], `col ${c.col}`);
              const mc = check(bad, OPTIONS).problems.filter((p) => p.rule === 'missing-cell');
              assert.strictEqual(mc.length, 1);
              assert.strictEqual(mc[0].message.id, 'missingCellAmbiguous');
              assert.deepStrictEqual(arithmetic(fixAll(bad, OPTIONS)), []);
            }
          });
          continue;
        }
        it(`${label}: each of its ${row.cells.length} cells +1 is caught on its row or column, and fixed`, () => {
          for (const c of row.cells) {
            const where = `${label} col ${c.col} (${c.raw} → ${c.value + 1})`;
            const bad = mutate(text, c);
            const found = arithmetic(bad);
            assert.ok(found.length >= 1, `${where}: no arithmetic error`);
            // Every error sits on a cell of the changed cell's row (its total), or names it among its
            // related cells (the identity's cells in other rows: its column).
            for (const p of found) {
              assert.ok(
                row.cells.some((x) => x.span.start === p.span.start) || p.related.some((r) => r.span.start === c.span.start),
                `${where}: ${p.rule} ${said(p.message)} does not involve the changed cell`,
              );
            }
            if (t4) {
              assert.deepStrictEqual(
                found.map((p) => [p.rule, p.message.args?.group]),
                [['review-total', T4_GROUP[Math.floor(c.col / 5)]]],
                where,
              );
            }
            const fixed = fixAll(bad, OPTIONS);
            assert.deepStrictEqual(arithmetic(fixed).map((p) => said(p.message)), [], `${where}: left after fixAll`);
            // Two broken identities share only the changed cell: it is identified and restored. So is
            // a total of table 四 (recomputed) and, in seed 001, a result row once fixAll has filled
            // the dropped cell of 2.重复申请 and the column sums can be checked. A part of table 四 is
            // alone in its identity: its total is recomputed instead.
            if (found.length >= 2 || (id === '001' && !t4) || (t4 && c.col % 5 === 4)) {
              assert.strictEqual(fixed, fixedSeed, `${where}: fixAll does not restore the seed`);
            } else {
              assert.notStrictEqual(fixed, fixedSeed, where);
            }
          }
        });
      }
    });
  }
});
