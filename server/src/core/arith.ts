/**
 * The one evaluator for every identity of the template (identities are data in template.ts),
 * and the solver behind "recompute totals". An identity is evaluated only when every cell it
 * names sits in a row whose cells line up with the template: arithmetic errors are never
 * reported on a guess.
 */
import type { CellModel } from './model';
import type { Parsed } from './parse';
import { T2, T3, T4, T4_IDENTITIES, cellKey, columnName, identitiesByCell, refOfKey, rowDef, t3Identities, templatePositions, usesOldSingleOther, type CellRef, type Identity } from './template';

export interface Evaluated {
  id: Identity;
  lhs: number;
  rhs: number;
  holds: boolean;
}

export interface CellFix {
  ref: CellRef;
  value: number;
  /** The edit recomputes the identity's own total (vs. correcting another cell). */
  recompute: boolean;
  preferred: boolean;
}

export interface Arith {
  evals: Evaluated[];
  /** The evaluated identities that do not hold, in evaluation order. */
  broken: Evaluated[];
  /** The identities that could be evaluated and name the cell with this key. */
  at(key: string): Evaluated[];
  value(ref: CellRef): number;
  cell(ref: CellRef): CellModel | undefined;
  /** Fixes for a violated identity, preferred first. */
  fixesFor(e: Evaluated): CellFix[];
  /**
   * A row of `ids`' table that lacks one number and has `present`: the position and value of
   * the missing one that make every identity naming the row hold (those the other rows' numbers
   * can check), or `ambiguous` when not exactly one does.
   */
  solveMissing(rowKey: string, present: number[], ids: Identity[]): { pos: number; value: number } | 'ambiguous';
}

export const refKey = (r: CellRef): string => cellKey(r[0], r[1]);

/** Every template row's slot in the per-check list of aligned rows. */
const ROW_SLOTS = new Map([...T2.rows, ...T3.rows, ...T4.rows].map((r, i) => [r.key, i]));
/** The slot of each table's first template row (slots follow the template's order). */
const FIRST_SLOT = { t2: 0, t3: T2.rows.length, t4: T2.rows.length + T3.rows.length };

/**
 * An identity's cells as row slots and columns, side by side (left side first, `nLhs` of
 * them): evaluating it is array reads, not a look-up of every cell's row by its key.
 */
interface Compiled {
  slots: Int32Array;
  cols: Int32Array;
  nLhs: number;
}

const COMPILED: Compiled[] = [];
for (const id of [...t3Identities(false), ...t3Identities(true), ...T4_IDENTITIES]) {
  const refs = [...id.lhs, ...id.rhs];
  COMPILED[id.index!] = {
    slots: Int32Array.from(refs, (r) => ROW_SLOTS.get(r[0])!),
    cols: Int32Array.from(refs, (r) => r[1]),
    nLhs: id.lhs.length,
  };
}

/**
 * The identities a check evaluates, in order: table 三's (all its forms, or only its row totals
 * when rows of it were left unread), then table 四's. By `[oldSingleOther][sure]`; built once.
 */
const CHECKED: Identity[][][] = [false, true].map((old) =>
  [false, true].map((sure) => [...t3Identities(old).filter((id) => sure || id.kind === 'row-total'), ...T4_IDENTITIES]),
);

const NAMES = new Map<string, string>();

/** A cell's name in messages, `row·column` (table 四: `group·column`). */
export function cellName(ref: CellRef): string {
  const k = refKey(ref);
  let name = NAMES.get(k);
  if (name === undefined) {
    const [key, col] = ref;
    const def = rowDef(key);
    if (key === 't4.row') name = T4.columns[col] ?? '';
    else name = def ? `${def.short}·${columnName(key.startsWith('t2') ? T2 : T3, def, col)}` : key;
    NAMES.set(k, name);
  }
  return name;
}

/** The cells of the rows of a reading that line up with the template, by the template row's slot. */
function alignedRows(p: Parsed): (CellModel[] | undefined)[] {
  const aligned: (CellModel[] | undefined)[] = new Array(ROW_SLOTS.size);
  const { tables } = p.model;
  for (const t of [tables.t2, tables.t3, tables.t4]) {
    if (!t) continue;
    const first = FIRST_SLOT[t.id];
    const at = templatePositions(t);
    t.rows.forEach((r, i) => {
      if (at[i] >= 0 && r.aligned) aligned[first + at[i]] = r.cells;
    });
  }
  return aligned;
}

/** A reading's aligned rows and the identities they evaluate: what the fixes and the solver read. */
interface Evaluation {
  aligned: (CellModel[] | undefined)[];
  evals: Evaluated[];
  broken: Evaluated[];
  /** `positions[id.index]`: where an identity's evaluation is in `evals` (none: not evaluated). */
  positions: number[];
  /** Every broken sum recomputed at once (built on first use by `recomputeKeepsHolding`). */
  recomputes?: Map<string, number>;
}

function cellIn(ev: Evaluation, ref: CellRef): CellModel | undefined {
  const slot = ROW_SLOTS.get(ref[0]);
  return slot === undefined ? undefined : ev.aligned[slot]?.[ref[1]];
}

const valueIn = (ev: Evaluation, ref: CellRef): number => cellIn(ev, ref)!.value;
const valueOfKey = (ev: Evaluation, k: string): number => valueIn(ev, refOfKey(k)!);

// ── evaluation ──

/**
 * The sum of cells `from` to `to` of a compiled identity; NaN when one is not in an aligned row,
 * or when the sum is beyond what is held exactly (then the identity is not evaluated).
 */
function sumOf(aligned: (CellModel[] | undefined)[], { slots, cols }: Compiled, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = aligned[slots[i]]?.[cols[i]];
    if (c === undefined) return NaN;
    v += c.value;
  }
  if (v > Number.MAX_SAFE_INTEGER) return NaN;
  return Number.isInteger(v) ? v : Math.round(v * 100) / 100;
}

/** Every identity of the tables as read that can be evaluated, in order. */
function evaluateAll(p: Parsed): Evaluation {
  const aligned = alignedRows(p);
  const evals: Evaluated[] = [];
  const broken: Evaluated[] = [];
  const positions: number[] = [];
  const t3 = p.model.tables.t3;
  const t3Sure = !!t3 && !(p.orphans.t3 && p.orphans.t3.length);
  for (const id of t3 ? CHECKED[usesOldSingleOther(t3) ? 1 : 0][t3Sure ? 1 : 0] : T4_IDENTITIES) {
    const c = COMPILED[id.index!];
    const lhs = sumOf(aligned, c, 0, c.nLhs);
    if (Number.isNaN(lhs)) continue;
    const rhs = sumOf(aligned, c, c.nLhs, c.slots.length);
    if (Number.isNaN(rhs)) continue;
    const e = { id, lhs, rhs, holds: lhs === rhs };
    positions[id.index!] = evals.length;
    evals.push(e);
    if (!e.holds) broken.push(e);
  }
  return { aligned, evals, broken, positions };
}

/** The evaluated identities that name a cell, in evaluation order. */
function evalsAt(ev: Evaluation, k: string): Evaluated[] {
  const out: Evaluated[] = [];
  for (const id of identitiesByCell().get(k) ?? []) {
    const at = ev.positions[id.index!];
    if (at !== undefined) out.push(ev.evals[at]);
  }
  return out;
}

/** How many of the evaluated identities that name a cell do not hold (as `evalsAt`, without a list). */
function brokenAt(ev: Evaluation, k: string): number {
  let n = 0;
  for (const id of identitiesByCell().get(k) ?? []) {
    const at = ev.positions[id.index!];
    if (at !== undefined && !ev.evals[at].holds) n++;
  }
  return n;
}

/** Does an identity hold with the cell values `val` gives (by cell key)? */
function holdsWith(e: Evaluated, val: (k: string) => number): boolean {
  let l = 0;
  for (const k of e.id.lhsKeys!) l += val(k);
  let r = 0;
  for (const k of e.id.rhsKeys!) r += val(k);
  return Math.abs(l - r) < 1e-9;
}

// ── fixes ──

/** Do all identities containing `ref` hold once it is set to v? */
function allHoldWith(ev: Evaluation, ref: CellRef, v: number): boolean {
  const k = refKey(ref);
  const val = (x: string) => (x === k ? v : valueOfKey(ev, x));
  return evalsAt(ev, k).every((e) => holdsWith(e, val));
}

/**
 * Every broken sum recomputed at once: does setting `total` to `v` (with the other recomputes)
 * break an identity that holds now? Then the recompute is a guess, not a preferred fix.
 */
function recomputeKeepsHolding(ev: Evaluation, total: CellRef, v: number): boolean {
  if (!ev.recomputes) {
    ev.recomputes = new Map();
    for (const x of ev.broken) if (x.id.kind !== 'balance') ev.recomputes.set(x.id.lhsKeys![0], x.rhs);
  }
  const recomputes = ev.recomputes;
  const tk = refKey(total);
  const val = (k: string) => (k === tk ? v : (recomputes.get(k) ?? valueOfKey(ev, k)));
  return evalsAt(ev, tk).every((x) => !x.holds || holdsWith(x, val));
}

/** Fixes for a violated identity, preferred first. */
function fixesFor(ev: Evaluation, e: Evaluated): CellFix[] {
  if (e.holds) return [];
  const value = (ref: CellRef) => valueIn(ev, ref);
  if (e.id.kind === 'balance') {
    const next = e.id.rhs[1];
    const v = e.lhs - value(e.id.rhs[0]);
    return v >= 0 ? [{ ref: next, value: v, recompute: true, preferred: false }] : [];
  }
  const total = e.id.lhs[0];
  // A single part that explains this and at least one other broken identity is the culprit.
  const culprits: CellFix[] = [];
  for (const part of e.id.rhs) {
    const v = e.lhs - (e.rhs - value(part));
    if (v < 0 || v === value(part)) continue;
    if (brokenAt(ev, refKey(part)) < 2) continue;
    if (allHoldWith(ev, part, v)) culprits.push({ ref: part, value: v, recompute: false, preferred: true });
  }
  const totalOk = recomputeKeepsHolding(ev, total, e.rhs);
  const setTotal = (preferred: boolean): CellFix => ({ ref: total, value: e.rhs, recompute: true, preferred });
  if (culprits.length === 1) {
    const c = culprits[0];
    return totalOk ? [setTotal(true), { ref: c.ref, value: c.value, recompute: false, preferred: false }] : [c, setTotal(false)];
  }
  return [setTotal(totalOk)];
}

// ── the missing-cell solver ──

/** See `Arith.solveMissing`. */
function solveMissing(ev: Evaluation, rowKey: string, present: number[], ids: Identity[]): { pos: number; value: number } | 'ambiguous' {
  /** Whether `refs` name a cell of the row (in column `col`, or in any). */
  const inRow = (refs: CellRef[], col?: number) => refs.some((r) => r[0] === rowKey && (col === undefined || r[1] === col));
  const names = (id: Identity, col?: number) => inRow(id.lhs, col) || inRow(id.rhs, col);
  const mine = ids.filter((id) => names(id));
  /** A side's sum with the row's numbers `vals`; undefined when one of its cells is not known. */
  const sum = (vals: number[], refs: CellRef[]): number | undefined => {
    let total = 0;
    for (const r of refs) {
      const x = r[0] === rowKey ? vals[r[1]] : cellIn(ev, r)?.value;
      if (x === undefined) return undefined;
      total += x;
    }
    return total;
  };
  const results = new Map<string, { pos: number; value: number }>();
  for (let pos = 0; pos <= present.length; pos++) {
    const rowVals = (v: number) => [...present.slice(0, pos), v, ...present.slice(pos)];
    // Solve for v from the first identity that names the missing cell and is otherwise known.
    let v: number | undefined;
    const probe = rowVals(0);
    for (const id of mine) {
      if (!names(id, pos)) continue;
      const l = sum(probe, id.lhs);
      const r = sum(probe, id.rhs);
      if (l === undefined || r === undefined) continue;
      v = inRow(id.lhs, pos) ? r - l : l - r;
      break;
    }
    if (v === undefined || v < 0 || !Number.isSafeInteger(v)) continue;
    const vals = rowVals(v);
    let checked = 0;
    let ok = true;
    for (const id of mine) {
      const l = sum(vals, id.lhs);
      const r = sum(vals, id.rhs);
      if (l === undefined || r === undefined) continue;
      checked++;
      if (Math.abs(l - r) > 1e-9) ok = false;
    }
    if (ok && checked > 0) results.set(vals.join(','), { pos, value: v });
  }
  return results.size === 1 ? [...results.values()][0] : 'ambiguous';
}

/** The arithmetic of a reading: every identity its aligned rows can evaluate, its fixes, the missing-cell solver. */
export function buildArith(p: Parsed): Arith {
  const ev = evaluateAll(p);
  return {
    evals: ev.evals,
    broken: ev.broken,
    at: (k) => evalsAt(ev, k),
    value: (ref) => valueIn(ev, ref),
    cell: (ref) => cellIn(ev, ref),
    fixesFor: (e) => fixesFor(ev, e),
    solveMissing: (rowKey, present, ids) => solveMissing(ev, rowKey, present, ids),
  };
}
