import { msg } from '../messages';
import type { Rule } from './context';

/** Bodies below the level that may make 规章 (township, 街道, county-level). */
const LOCAL = /乡|镇|街道|苏木|县|旗|(?<!自治)区(人民政府|政府)?$|(?<!自治)区[^域划]*(局|委员会|办公室)/;
const TOWNSHIP = /乡|镇|街道|苏木/;
/** Fees in 万元 above these are implausible for the body (information-handling fees are small). */
const FEE_LIMIT = { township: 1000, local: 100000, any: 10000000 };

export const rule: Rule = {
  meta: {
    id: 'RPT019',
    alias: 'implausible-value',
    severity: 'warning',
    tags: ['numbers'],
    fixable: false,
    description: { 'zh-CN': '数值不合常理（乡镇、县级机关的规章，收费单位或金额）', en: 'An implausible value (规章 for a township or county body; fee unit or size)' },
  },
  // Its numbers are read through ctx.arith (the title is not a table number).
  run(ctx) {
    const body = ctx.parsed.model.title?.body ?? '';
    const local = LOCAL.test(body);
    const township = TOWNSHIP.test(body);
    if (local) {
      for (let c = 0; c < 3; c++) {
        const cell = ctx.arith.cell(['t2.rules', c]);
        if (cell && cell.value > 0) {
          ctx.report({ span: cell.span, message: msg('implausibleRules', { body, value: cell.value }) });
          break;
        }
      }
    }
    // Read through ctx.arith, which notes the read; a fee row that does not line up (an extra
    // cell) is read from the model.
    const fee = ctx.arith.cell(['t2.fee', 0]) ?? ctx.parsed.model.tables.t2?.rows.find((r) => r.key === 't2.fee')?.cells[0];
    if (!fee || fee.invalid) return;
    if (/(?<!万)元$/.test(fee.raw)) {
      ctx.report({ span: fee.span, message: msg('implausibleFeeUnit', { raw: fee.raw }) });
      return;
    }
    const limit = township ? FEE_LIMIT.township : local ? FEE_LIMIT.local : FEE_LIMIT.any;
    if (fee.value > limit) ctx.report({ span: fee.span, message: msg('implausibleFee', { value: fee.value, limit }) });
  },
};
