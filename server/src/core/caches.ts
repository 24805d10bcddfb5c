/**
 * The checker's caches of what it read from its input, in one place. Each remembers only its
 * last answer, keyed by the very text or model it was made from, so it never changes an answer
 * and holds no more than one reading: an editor asks for the same thing on every keystroke.
 * (Lookup tables built from the template at load, such as cell names, are data, not caches.)
 */
import { buildArith, type Arith } from './arith';
import type { ReportModel } from './model';
import { parse, sentencesOf } from './parse';

/** `make`, remembering its last key and answer. */
export function lastOne<K, V>(make: (key: K) => V): (key: K) => V {
  let key: K | undefined;
  let value: V | undefined;
  let has = false;
  return (k) => {
    if (!has || key !== k) {
      value = make(k);
      key = k;
      has = true;
    }
    return value as V;
  };
}

/** Last year's report, as the cross-year rule compares with it. */
export interface LastYear {
  title: ReportModel['title'];
  arith: Arith;
  /** Its narrative's sentences (`sentencesOf`). */
  sentences: Set<string>;
}

/** Last year's report read from its text, once per text (`check` reads `options.previous` through it). */
export const lastYearOf = lastOne((text: string): LastYear => {
  const parsed = parse(text);
  return { title: parsed.model.title, arith: buildArith(parsed), sentences: new Set(sentencesOf(parsed)) };
});
