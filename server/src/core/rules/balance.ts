import type { Rule } from './context';
import { runIdentities } from './arithmetic';

export const rule: Rule = {
  meta: {
    id: 'RPT003',
    alias: 'balance',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: true,
    description: { 'zh-CN': '表三每一列：一 + 二 = （七） + 四', en: '一 + 二 = （七） + 四 in each column of table 三' },
  },
  run: (ctx) => runIdentities(ctx, 'balance'),
};
