import { msg } from '../messages';
import { sectionHeading } from '../template';
import type { Rule } from './context';
import type { HeadingFound } from '../parse';

export const rule: Rule = {
  meta: {
    id: 'RPT012',
    alias: 'section-order',
    severity: 'warning',
    tags: ['template'],
    fixable: false,
    description: { 'zh-CN': '六个部分没有按一至六的顺序排列', en: 'The six sections are not in order 一 to 六' },
  },
  run(ctx) {
    // A report in the 2008 outline numbers its sections its own way.
    if (ctx.parsed.outline2008) return;
    let max: HeadingFound | undefined;
    for (const h of ctx.parsed.headings) {
      if (max && h.index < max.index) {
        ctx.report({
          span: h.inner,
          message: msg('sectionOrder', { heading: sectionHeading(h.index), after: sectionHeading(max.index) }),
          related: [{ span: max.inner, message: msg('relatedSection', { heading: sectionHeading(max.index) }) }],
        });
      } else max = h;
    }
  },
};
