import type { Rule } from './context';
import { runIdentities } from './arithmetic';

export const rule: Rule = {
  meta: {
    id: 'RPT004',
    alias: 'review-total',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: true,
    description: { 'zh-CN': '表四每个总计等于维持、纠正、其他、尚未审结之和', en: 'Each 总计 of table 四 equals 维持 + 纠正 + 其他 + 尚未审结' },
  },
  run: (ctx) => runIdentities(ctx, 'review-total'),
};
