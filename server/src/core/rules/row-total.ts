import { identityRule } from './arithmetic';

export const rule = identityRule(
  'row-total',
  'RPT001',
  '表三每一行的总计等于六类申请人之和',
  'In every row of table 三, 总计 equals the sum of the six applicant columns',
);
