import { identityRule } from './arithmetic';

export const rule = identityRule(
  'review-total',
  'RPT004',
  '表四每个总计等于维持、纠正、其他、尚未审结之和',
  'Each 总计 of table 四 equals 维持 + 纠正 + 其他 + 尚未审结',
);
