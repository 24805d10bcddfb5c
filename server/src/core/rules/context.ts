/** What every rule receives: the parsed report, the arithmetic, and a way to report problems. */
import type { Arith } from '../arith';
import type { Parsed } from '../parse';
import type { CheckOptions, Fix, Message, Related, RuleMeta, Severity, Span } from '../types';

export interface Finding {
  span: Span;
  message: Message;
  related?: Related[];
  /**
   * The fixes, or a function that computes them: the problem's fixes are then computed on first
   * read, so a check whose fixes nobody asks for (a keystroke) does not pay for them.
   */
  fixes?: Fix[] | (() => Fix[]);
  /** A lower severity for this finding, used unless the user set the rule's severity. */
  severity?: Severity;
}

export interface RuleContext {
  parsed: Parsed;
  arith: Arith;
  options: CheckOptions;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  /**
   * The rule read numbers other than through `arith` (the cells of a row that does not line up):
   * what it finds now depends on every number, so a typed number runs it again.
   */
  readAllNumbers(): void;
  report(f: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  run(ctx: RuleContext): void;
  /**
   * What of the tables' numbers the findings depend on, for a check after a number was typed
   * (the earlier findings, moved, stand when it cannot change them):
   * - `none`: no number at all, only the structure of the reading;
   * - `arith`: only the numbers the rule reads through `ctx.arith.cell` or `ctx.arith.value`
   *   (any other read of a number calls `ctx.readAllNumbers`);
   * - absent: any number; the rule runs on every check.
   */
  numbers?: 'none' | 'arith';
}
