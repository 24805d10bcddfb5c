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
    for (const s of SECTIONS) {
      if (found.has(s.index)) continue;
      const heading = sectionHeading(s.index);
      // Before the first heading (in document order) of a later section.
      const next = p.headings.find((h) => h.index > s.index);
      let at: { start: number; end: number };
      let insertAt: number;
      let prefix = '';
      if (next) {
        at = next.span;
        insertAt = next.span.start;
        prefix = /^[#\s]*#\s*/.exec(p.lines.at(next.line)!.text)?.[0] ?? '';
      } else {
        // At the end, before the closing signature (body name and date), if any.
        // The last three non-empty lines are enough to find a signature.
        const nonEmpty: Line[] = [];
        for (let i = p.lines.length - 1; i >= 0 && nonEmpty.length < 3; i--) if (p.lines.at(i)!.text.trim()) nonEmpty.unshift(p.lines.at(i)!);
        let end = nonEmpty.length;
        if (end && DATE_LINE.test(nonEmpty[end - 1].text)) end -= end >= 2 && nonEmpty[end - 2].text.trim().length <= 30 ? 2 : 1;
        const lastBody = nonEmpty[end - 1];
        const sig = nonEmpty[end];
        at = lastBody ? { start: lastBody.start, end: lastBody.end } : { start: 0, end: 0 };
        insertAt = sig ? sig.start : ctx.parsed.model.text.length;
        const prev = p.headings[p.headings.length - 1];
        prefix = prev ? (/^[#\s]*#\s*/.exec(p.lines.at(prev.line)!.text)?.[0] ?? '') : '';
      }
      const text = next || insertAt < p.model.text.length ? `${prefix}${heading}\n\n` : `\n\n${prefix}${heading}\n`;
      ctx.report({
        span: at,
        message: msg('missingSection', { numeral: s.numeral, heading }),
        fixes: [{ title: msg('fixInsertSection', { heading }), preferred: true, edits: [{ start: insertAt, end: insertAt, newText: text }] }],
      });
    }
  },
};
