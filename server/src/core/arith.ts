/**
 * The one evaluator for every identity of the template (identities are data in template.ts),
 * and the solver behind "recompute totals". An identity is evaluated only when every cell it
 * names sits in a row whose cells line up with the template: arithmetic errors are never
 * reported on a guess.
 */
import type { CellModel } from './model';
import type { Parsed } from './parse';
import { T2, T3, T4, T4_IDENTITIES, columnName, rowDef, t3Identities, templatePositions, usesOldSingleOther, type CellRef, type Identity } from './template';

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
  /** The identities that could be evaluated and name a cell. */
  at(ref: CellRef): Evaluated[];
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

/** More than the columns of any row (table 四's 15): a cell's number is its row's slot × COLS + its column. */
const COLS = 16;
const cellNo = (slot: number, col: number): number => slot * COLS + col;
/** The number of cell `i` of a compiled identity. */
const noOf = (c: Compiled, i: number): number => cellNo(c.slots[i], c.cols[i]);
const noOfRef = (ref: CellRef): number => cellNo(ROW_SLOTS.get(ref[0])!, ref[1]);

/** The identities (by index) that name each cell, by the cell's number. */
const BY_CELL: number[][] = [];
COMPILED.forEach((c, index) => {
  for (let i = 0; i < c.slots.length; i++) (BY_CELL[noOf(c, i)] ??= []).push(index);
});

/**
 * The identities a check evaluates, in order: table 三's (all its forms, or only its row totals
 * when rows of it were left unread), then table 四's. By `[oldSingleOther][sure]`; built once.
 */
const CHECKED: Identity[][][] = [false, true].map((old) =>
  [false, true].map((sure) => [...t3Identities(old).filter((id) => sure || id.kind === 'row-total'), ...T4_IDENTITIES]),
);

/** Cells' names, by cell number (`cellName`). */
const NAMES: string[] = [];

/** A cell's name in messages, `row·column` (table 四: `group·column`). */
export function cellName(ref: CellRef): string {
  const [key, col] = ref;
  const def = rowDef(key);
  if (!def) return key;
  const no = noOfRef(ref);
  let name = NAMES[no];
  if (name === undefined) {
    name = NAMES[no] = key === 't4.row' ? (T4.columns[col] ?? '') : `${def.short}·${columnName(key.startsWith('t2') ? T2 : T3, def, col)}`;
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
  /** Every broken sum recomputed at once, by the total's cell number (built on first use by `recomputeKeepsHolding`). */
  recomputes?: Map<number, number>;
}

function cellIn(ev: Evaluation, ref: CellRef): CellModel | undefined {
  const slot = ROW_SLOTS.get(ref[0]);
  return slot === undefined ? undefined : ev.aligned[slot]?.[ref[1]];
}

const valueIn = (ev: Evaluation, ref: CellRef): number => cellIn(ev, ref)!.value;
/** The value of an aligned cell, by its number. */
const valueAt = (ev: Evaluation, no: number): number => ev.aligned[Math.floor(no / COLS)]![no % COLS].value;

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

/** The evaluated identities that name a cell (by its number), in evaluation order. */
function evalsAt(ev: Evaluation, no: number): Evaluated[] {
  const out: Evaluated[] = [];
  for (const index of BY_CELL[no] ?? []) {
    const at = ev.positions[index];
    if (at !== undefined) out.push(ev.evals[at]);
  }
  return out;
}

/** How many of the evaluated identities that name a cell do not hold (as `evalsAt`, without a list). */
function brokenAt(ev: Evaluation, no: number): number {
  let n = 0;
  for (const index of BY_CELL[no] ?? []) {
    const at = ev.positions[index];
    if (at !== undefined && !ev.evals[at].holds) n++;
  }
  return n;
}

/** Does an identity hold with the cell values `val` gives (by cell number)? */
function holdsWith(e: Evaluated, val: (no: number) => number): boolean {
  const c = COMPILED[e.id.index!];
  let l = 0;
  for (let i = 0; i < c.nLhs; i++) l += val(noOf(c, i));
  let r = 0;
  for (let i = c.nLhs; i < c.slots.length; i++) r += val(noOf(c, i));
  return Math.abs(l - r) < 1e-9;
}

// ── fixes ──

/** Do all identities containing cell `no` hold once it is set to v? */
function allHoldWith(ev: Evaluation, no: number, v: number): boolean {
  const val = (x: number) => (x === no ? v : valueAt(ev, x));
  return evalsAt(ev, no).every((e) => holdsWith(e, val));
}

/**
 * Every broken sum recomputed at once: does setting the total (cell `no`) to `v` (with the other
 * recomputes) break an identity that holds now? Then the recompute is a guess, not a preferred fix.
 */
function recomputeKeepsHolding(ev: Evaluation, no: number, v: number): boolean {
  if (!ev.recomputes) {
    ev.recomputes = new Map();
    for (const x of ev.broken) if (x.id.kind !== 'balance') ev.recomputes.set(noOf(COMPILED[x.id.index!], 0), x.rhs);
  }
  const recomputes = ev.recomputes;
  const val = (k: number) => (k === no ? v : (recomputes.get(k) ?? valueAt(ev, k)));
  return evalsAt(ev, no).every((x) => !x.holds || holdsWith(x, val));
}

/** Fixes for a violated identity, preferred first. */
function fixesFor(ev: Evaluation, e: Evaluated): CellFix[] {
  if (e.holds) return [];
  if (e.id.kind === 'balance') {
    const next = e.id.rhs[1];
    const v = e.lhs - valueIn(ev, e.id.rhs[0]);
    return v >= 0 ? [{ ref: next, value: v, recompute: true, preferred: false }] : [];
  }
  const c = COMPILED[e.id.index!];
  const total = e.id.lhs[0];
  // A single part that explains this and at least one other broken identity is the culprit.
  const culprits: CellFix[] = [];
  for (let k = 0; k < e.id.rhs.length; k++) {
    const no = noOf(c, c.nLhs + k);
    const was = valueAt(ev, no);
    const v = e.lhs - (e.rhs - was);
    if (v < 0 || v === was || brokenAt(ev, no) < 2) continue;
    if (allHoldWith(ev, no, v)) culprits.push({ ref: e.id.rhs[k], value: v, recompute: false, preferred: true });
  }
  const totalOk = recomputeKeepsHolding(ev, noOf(c, 0), e.rhs);
  const setTotal = (preferred: boolean): CellFix => ({ ref: total, value: e.rhs, recompute: true, preferred });
  if (culprits.length === 1) {
    const p = culprits[0];
    return totalOk ? [setTotal(true), { ref: p.ref, value: p.value, recompute: false, preferred: false }] : [p, setTotal(false)];
  }
  return [setTotal(totalOk)];
}

// ── the missing-cell solver ──

/** See `Arith.solveMissing`. */
function solveMissing(ev: Evaluation, rowKey: string, present: number[], ids: Identity[]): { pos: number; value: number } | 'ambiguous' {
  const slot = ROW_SLOTS.get(rowKey)!;
  const width = present.length + 1;
  // Each identity that names the row and whose other cells are known, as an equation in the
  // row's numbers: Σ coef[col] × number = rest (left side +1, right side −1).
  const equations: { coef: number[]; rest: number }[] = [];
  for (const id of ids) {
    const c = COMPILED[id.index!];
    if (!c.slots.includes(slot)) continue;
    const coef = new Array<number>(width).fill(0);
    let rest = 0;
    let known = true;
    for (let i = 0; i < c.slots.length && known; i++) {
      const sign = i < c.nLhs ? 1 : -1;
      if (c.slots[i] === slot) {
        if (c.cols[i] < width) coef[c.cols[i]] += sign;
        else known = false;
      } else {
        const cell = ev.aligned[c.slots[i]]?.[c.cols[i]];
        if (cell === undefined) known = false;
        else rest -= sign * cell.value;
      }
    }
    if (known) equations.push({ coef, rest });
  }
  const results = new Map<string, { pos: number; value: number }>();
  for (let pos = 0; pos < width; pos++) {
    const vals = [...present.slice(0, pos), 0, ...present.slice(pos)];
    const sum = (q: { coef: number[] }) => q.coef.reduce((s, k, j) => s + k * vals[j], 0);
    // The missing number from the first equation it is in; then every equation must hold.
    const first = equations.find((q) => q.coef[pos] !== 0);
    if (!first) continue;
    const v = (first.rest - sum(first)) / first.coef[pos];
    if (v < 0 || !Number.isSafeInteger(v)) continue;
    vals[pos] = v;
    if (equations.every((q) => Math.abs(sum(q) - q.rest) <= 1e-9)) results.set(vals.join(','), { pos, value: v });
  }
  return results.size === 1 ? [...results.values()][0] : 'ambiguous';
}

/** The arithmetic of a reading: every identity its aligned rows can evaluate, its fixes, the missing-cell solver. */
export function buildArith(p: Parsed): Arith {
  const ev = evaluateAll(p);
  return {
    evals: ev.evals,
    broken: ev.broken,
    at: (ref) => (ROW_SLOTS.has(ref[0]) ? evalsAt(ev, noOfRef(ref)) : []),
    value: (ref) => valueIn(ev, ref),
    cell: (ref) => cellIn(ev, ref),
    fixesFor: (e) => fixesFor(ev, e),
    solveMissing: (rowKey, present, ids) => solveMissing(ev, rowKey, present, ids),
  };
}
