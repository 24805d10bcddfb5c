import { msg } from '../messages';
import type { Rule } from './context';

export const rule: Rule = {
  meta: {
    id: 'RPT014',
    alias: 'old-template',
    severity: 'warning',
    tags: ['template'],
    fixable: false,
    description: { 'zh-CN': '使用了 2019 年旧版格式', en: 'The outdated 2019 format is used' },
  },
  run(ctx) {
    const t = ctx.parsed.oldToken;
    if (!t) return;
    ctx.report({ span: t, message: msg('oldTemplate', { token: ctx.parsed.model.text.slice(t.start, t.end) }) });
  },
};
