import { msg } from '../messages';
import type { Line } from '../text';
import { SECTIONS, sectionHeading } from '../template';
import type { Rule } from './context';

const DATE_LINE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;

export const rule: Rule = {
  meta: {
    id: 'RPT010',
    alias: 'missing-section',
    severity: 'error',
    tags: ['template'],
    fixable: true,
    description: { 'zh-CN': '缺少模板规定的六个部分之一', en: 'One of the six template sections is missing' },
  },
  run(ctx) {
    const p = ctx.parsed;
    const found = new Set(p.headings.map((h) => h.index));
    /** A heading's Markdown marks (`## `), so an inserted heading matches its neighbours. */
    const marksOf = (line: number) => /^[#\s]*#\s*/.exec(p.lines.at(line)!.text)?.[0] ?? '';
    let end: { at: { start: number; end: number }; insertAt: number; prefix: string } | undefined;
    /** At the end, before the closing signature (body name and date), if any: the same for every missing section. */
    const atEnd = () => {
      if (end) return end;
      // The last three non-empty lines are enough to find a signature.
      const nonEmpty: Line[] = [];
      for (let i = p.lines.length - 1; i >= 0 && nonEmpty.length < 3; i--) if (p.lines.at(i)!.text.trim()) nonEmpty.unshift(p.lines.at(i)!);
      let n = nonEmpty.length;
      if (n && DATE_LINE.test(nonEmpty[n - 1].text)) n -= n >= 2 && nonEmpty[n - 2].text.trim().length <= 30 ? 2 : 1;
      const lastBody = nonEmpty[n - 1];
      const sig = nonEmpty[n];
      const prev = p.headings[p.headings.length - 1];
      return (end = {
        at: lastBody ? { start: lastBody.start, end: lastBody.end } : { start: 0, end: 0 },
        insertAt: sig ? sig.start : p.model.text.length,
        prefix: prev ? marksOf(prev.line) : '',
      });
    };
    for (const s of SECTIONS) {
      if (found.has(s.index)) continue;
      const heading = sectionHeading(s.index);
      // Before the first heading (in document order) of a later section.
      const next = p.headings.find((h) => h.index > s.index);
      const { at, insertAt, prefix } = next ? { at: next.span, insertAt: next.span.start, prefix: marksOf(next.line) } : atEnd();
      const text = next || insertAt < p.model.text.length ? `${prefix}${heading}\n\n` : `\n\n${prefix}${heading}\n`;
      ctx.report({
        span: at,
        message: msg('missingSection', { numeral: s.numeral, heading }),
        fixes: [{ title: msg('fixInsertSection', { heading }), preferred: true, edits: [{ start: insertAt, end: insertAt, newText: text }] }],
      });
    }
  },
};
