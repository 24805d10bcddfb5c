/** What every rule receives: the parsed report, the arithmetic, and a way to report problems. */
import type { Arith } from '../arith';
import type { LastYear } from '../caches';
import type { Parsed } from '../parse';
import type { CheckOptions, Fix, Message, Related, RuleMeta, Severity, Span } from '../types';

export interface Finding {
  span: Span;
  message: Message;
  related?: Related[];
  fixes?: Fix[];
  /** A lower severity for this finding, used unless the user set the rule's severity. */
  severity?: Severity;
}

export interface RuleContext {
  parsed: Parsed;
  arith: Arith;
  options: CheckOptions;
  /** Last year's report (`options.previous`), read by `check` (once per text), not by a rule. */
  readonly lastYear: LastYear | undefined;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  report(f: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  run(ctx: RuleContext): void;
}
