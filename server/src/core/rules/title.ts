import { msg } from '../messages';
import { STANDARD_REST } from '../parse';
import { arabicYears, halfWidth } from '../text';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './context';


function titleFix(ctx: RuleContext, expected: string): Fix | undefined {
  const t = ctx.parsed.model.title!;
  const line = ctx.parsed.lines.at(ctx.lineOf(t.span.end))!;
  const text = line.text;
  const end = text.lastIndexOf('报告');
  if (end < 0) return undefined;
  // The body's name after the year (2024年某县…): the whole title is written again, when it is on one line.
  const bodyAfterYear = !!t.body && !t.text.startsWith(t.body);
  if (bodyAfterYear && ctx.lineOf(t.span.start) !== line.n) return undefined;
  const y = bodyAfterYear ? null : /\d{4}\s*年\s*度?/.exec(arabicYears(halfWidth(text)));
  let start = y ? y.index + y[0].length : /^[\s#*]*/.exec(text)![0].length;
  while (start < end && /\s/.test(text[start])) start++;
  if (start >= end) return undefined;
  return {
    title: msg('fixTitle', { title: expected }),
    preferred: false,
    edits: [{ start: line.start + start, end: line.start + end + 2, newText: bodyAfterYear ? expected : STANDARD_REST }],
  };
}

export const rule: Rule = {
  meta: {
    id: 'RPT016',
    alias: 'title',
    severity: 'info',
    tags: ['template'],
    fixable: true,
    description: { 'zh-CN': '缺少标题或标题不规范', en: 'The title is missing or non-standard' },
  },
  run(ctx) {
    const p = ctx.parsed;
    let first = p.lines.at(0)!;
    for (let i = 0; i < p.lines.length; i++) {
      if (p.lines.at(i)!.text.trim()) {
        first = p.lines.at(i)!;
        break;
      }
    }
    const firstSpan = { start: first.start, end: first.end };
    const other = p.otherReport;
    if (other) {
      // Said once, where the second report starts: what follows was not checked.
      const found = halfWidth(p.model.text.slice(other.start, other.end)).replace(/[\s#*>]+/g, '');
      ctx.report({ span: other, message: msg('otherReport', { title: found }), severity: 'warning' });
    }
    if (p.model.template === 'unknown') {
      ctx.report({ span: firstSpan, message: msg('notReport') });
      return;
    }
    const t = p.model.title;
    if (!t) {
      ctx.report({ span: firstSpan, message: msg('titleMissing') });
      return;
    }
    if (t.standard) return;
    const expected = t.body && t.year ? `${t.body}${t.year}年${STANDARD_REST}` : `<机关名称>${t.year ?? '<年份>'}年${STANDARD_REST}`;
    const fix = t.body && t.year ? titleFix(ctx, expected) : undefined;
    ctx.report({ span: t.span, message: msg('titleNonStandard', { found: t.text, expected }), fixes: fix ? [fix] : [] });
  },
};
