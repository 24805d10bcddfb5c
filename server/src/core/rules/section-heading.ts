import { msg } from '../messages';
import { sectionHeading } from '../template';
import { lcs, norm } from '../text';
import type { Rule } from './context';

/** Characters of a heading's own that the template's wording may lack for its fix to be preferred (a typo's worth). */
const TYPO = 2;

/**
 * Whether rewriting `found` as `heading` keeps what the line says: a line holding more than a
 * typo's worth of other characters holds other text too (a table's caption glued to it), which
 * the rewrite would drop. Its fix is then offered, not applied by Fix All.
 */
function onlyHeading(found: string, heading: string): boolean {
  const f = norm(found);
  return f.length - lcs(f, norm(heading)) <= TYPO;
}

export const rule: Rule = {
  meta: {
    id: 'RPT011',
    alias: 'section-heading',
    severity: 'warning',
    tags: ['template'],
    fixable: true,
    description: { 'zh-CN': '部分标题与模板措辞不符（近似但不一致）', en: 'A section heading is a near miss of the template wording' },
  },
  run(ctx) {
    const old = ctx.parsed.outline2008;
    if (old) {
      // Headings of the 2008 outline are that era's wording, not near misses: said once.
      const found = ctx.parsed.model.text.slice(old.inner.start, old.inner.end).replace(/\*\*/g, '');
      ctx.report({ span: old.inner, severity: 'info', message: msg('outline2008', { found }) });
      return;
    }
    for (const h of ctx.parsed.headings) {
      if (h.canonical) continue;
      const heading = sectionHeading(h.index);
      // A heading wrapped onto a second line is quoted as one.
      const found = ctx.parsed.model.text.slice(h.inner.start, h.inner.end).replace(/\*\*/g, '').replace(/\s*[\r\n]\s*/g, '');
      ctx.report({
        span: h.inner,
        message: msg('sectionHeading', { found, heading }),
        fixes: [{ title: msg('fixHeading', { heading }), preferred: onlyHeading(found, heading), edits: [{ start: h.inner.start, end: h.inner.end, newText: heading }] }],
      });
    }
  },
};
