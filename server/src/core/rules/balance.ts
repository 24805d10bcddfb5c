import { identityRule } from './arithmetic';

export const rule = identityRule(
  'balance',
  'RPT003',
  '表三每一列：一 + 二 = （七） + 四',
  '一 + 二 = （七） + 四 in each column of table 三',
);
