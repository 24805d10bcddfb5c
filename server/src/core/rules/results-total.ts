import type { Rule } from './context';
import { runIdentities } from './arithmetic';

export const rule: Rule = {
  meta: {
    id: 'RPT002',
    alias: 'results-total',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: true,
    description: { 'zh-CN': '每一列的（七）总计等于各项办理结果之和', en: '（七）总计 equals the sum of the 20 result rows, in each column' },
  },
  run: (ctx) => runIdentities(ctx, 'results-total'),
};
