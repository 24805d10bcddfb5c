/**
 * Two reports pasted one after another: the first is checked as it is alone, and the text from the
 * second title on is said, once, to be another report that was not checked.
 */
import * as assert from 'assert';
import { check, fixAll } from '../../server/src/core';
import { OPTIONS, expectFindings, findings, lineOf, replaceOnce, rowNumbers, seed } from './helpers';

const first = seed('000');
const second = seed('001');
const both = `${first}\n${second}`;

describe('several reports in one file', () => {
  it('the second report’s title gets one warning; the first report’s findings are those it has alone', () => {
    const line = lineOf(both, '格尔木市2024 年政府信息公开工作年度报告');
    assert.strictEqual(line, 349);
    const got = expectFindings(both, [
      { rule: 'label-variant', line: 175, message: 'labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)' },
      { rule: 'title', line, message: 'otherReport(title=格尔木市2024年政府信息公开工作年度报告)' },
    ]);
    assert.strictEqual(got.find((g) => g.rule === 'title')!.severity, 'warning');
  });

  it('the second report’s headings and tables are not read into the first', () => {
    const alone = check(first, OPTIONS).model;
    const model = check(both, OPTIONS).model;
    assert.deepStrictEqual(model.sections.map((s) => [s.index, s.span]), alone.sections.map((s) => [s.index, s.span]));
    for (const id of ['t2', 't3', 't4'] as const) assert.deepStrictEqual(rowNumbers(model.tables[id]!.rows), rowNumbers(alone.tables[id]!.rows), id);
  });

  it('a title broken over two lines (the body’s name, then the year) is quoted whole', () => {
    const text = `${second}\n${first}`;
    const [f] = findings(text).filter((x) => x.rule === 'title');
    assert.deepStrictEqual([f.line, f.message], [lineOf(text, '格尔木市大格勒乡人民政府'), 'otherReport(title=格尔木市大格勒乡人民政府2024年政府信息公开工作年度报告)']);
  });

  it('fixing changes only the first report', () => {
    assert.strictEqual(fixAll(`${second}\n${first}`, OPTIONS), `${fixAll(second, OPTIONS)}\n${first}`);
  });

  it('one report whose title runs as a page header (before 三, and before 一) is one report', () => {
    const title = '格尔木市大格勒乡人民政府2024年政府信息公开工作年度报告';
    const headed = replaceOnce(replaceOnce(first, '\n三、收到和处理', `\n${title}\n三、收到和处理`), '\n一、总体情况', `\n${title}\n一、总体情况`);
    expectFindings(headed, [{ rule: 'label-variant', line: 177 }]);
  });
});
