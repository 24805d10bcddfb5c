import { identityRule } from './arithmetic';

export const rule = identityRule(
  'results-total',
  'RPT002',
  '每一列的（七）总计等于各项办理结果之和',
  '（七）总计 equals the sum of the 21 result rows, in each column',
);
