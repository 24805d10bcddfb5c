import type { Rule } from './context';
import { runIdentities } from './arithmetic';

export const rule: Rule = {
  meta: {
    id: 'RPT001',
    alias: 'row-total',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: true,
    description: { 'zh-CN': '表三每一行的总计等于六类申请人之和', en: 'In every row of table 三, 总计 equals the sum of the six applicant columns' },
  },
  run: (ctx) => runIdentities(ctx, 'row-total'),
};
