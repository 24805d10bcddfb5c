/**
 * Rule settings as a user writes them (the CLI's `--rule NAME=LEVEL`, the editor's
 * `reportReview.rules`): names are rule aliases or ids, levels `off` or a severity. Unknown names
 * and levels are told with the nearest known one, never dropped in silence.
 */
import { msg } from './messages';
import { ALL_RULES } from './rules';
import type { Message, RuleSetting } from './types';

export const RULE_LEVELS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The one candidate `input` most likely means: the same but for case, spaces, `-` and `_`; else
 * the only one it begins or that begins it (three letters at least); else the only one nearest,
 * at most one edit per four letters away. Undefined when none is close or several are as close.
 */
export function nearestName(input: string, candidates: readonly string[]): string | undefined {
  const x = fold(input);
  if (!x) return undefined;
  const only = (list: readonly string[]) => (list.length === 1 ? list[0] : undefined);
  const same = candidates.filter((c) => fold(c) === x);
  if (same.length) return only(same);
  if (x.length >= 3) {
    const prefix = candidates.filter((c) => fold(c).startsWith(x) || x.startsWith(fold(c)));
    if (prefix.length) return only(prefix);
  }
  let best = Math.max(1, Math.floor(x.length / 4)) + 1;
  let found: string[] = [];
  for (const c of candidates) {
    const d = distance(x, fold(c));
    if (d < best) [best, found] = [d, [c]];
    else if (d === best) found.push(c);
  }
  return only(found);
}

const NAMES = ALL_RULES.flatMap((r) => [r.meta.alias, r.meta.id]);
const ALIASES = ALL_RULES.map((r) => r.meta.alias);

/**
 * The known rule settings among `settings` (name → level), and a message for each entry that is
 * not one: an unknown rule name (with the nearest alias, if one is close) or an unknown level.
 */
export function validateRuleSettings(settings: Record<string, unknown>): { rules: Record<string, RuleSetting>; problems: Message[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: Message[] = [];
  for (const [name, level] of Object.entries(settings)) {
    if (!NAMES.includes(name)) {
      // An alias is the name to suggest, even for a mistyped id (`rpt001`: `row-total`).
      const near = nearestName(name, NAMES);
      const alias = near && ALL_RULES.find((r) => r.meta.id === near)?.meta.alias;
      const suggestion = alias ?? near ?? nearestName(name, ALIASES);
      problems.push(suggestion ? msg('unknownRuleSuggest', { name, suggestion }) : msg('unknownRule', { name }));
      continue;
    }
    if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level)) {
      rules[name] = level as RuleSetting;
      continue;
    }
    const text = typeof level === 'string' ? level : JSON.stringify(level) ?? String(level);
    const suggestion = typeof level === 'string' ? nearestName(level, RULE_LEVELS) : undefined;
    problems.push(suggestion ? msg('unknownLevelSuggest', { name, level: text, suggestion }) : msg('unknownLevel', { name, level: text }));
  }
  return { rules, problems };
}
