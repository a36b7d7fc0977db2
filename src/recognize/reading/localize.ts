/**
 * A table reading that proves itself (Fellegi–Holt error localisation).
 * 表的读法先自证：收集该读法所蕴含的全部勾稽等式，找出“改动最少的几个数即可使全部等式成立”的集合；
 * 该集合不超过 k 个数（且不超过所涉数字的 10%）时读法得到确认，集合中的数即为疑误之数。
 *
 * Every identity a table's reading implies is a linear equation Σ coef·x = 0 over its cells, with
 * a tolerance from the printed precision of each figure. The failing identities are explained by
 * a set S of cells when changing only S can make every identity hold, the passing ones included.
 * The smallest such S is the error localisation: a real table holds a handful of wrong figures at
 * most, so when no small S exists the reading is wrong, not the document.
 *
 * Disclosure tables are small and k is small: candidate sets are the hitting sets (of size ≤ k)
 * of the failing identities' cells, and each is tested by Fourier–Motzkin elimination over exact
 * decimals with the cells of S as the unknowns and every other cell fixed.
 */
import Decimal from 'decimal.js';
import { READING_SETTINGS, type ReadingSettings } from '../settings';
import type { CellFigure, RecordedIdentity } from './support';


export interface Localisation {
  identities: number;
  held: number;
  /** Distinct cells that occur in some identity. */
  cells: number;
  /**
   * Every smallest set of figures whose change makes all identities hold, as cell keys `row:col`
   * (a figure copied in several columns of its row counts once and lists each cell); empty when none within k.
   */
  minimalSets: string[][];
  /** The cells of the unique smallest set; empty when there is none or it is not unique. */
  suspects: string[];
  /** Every cell of some smallest set (the candidates when the fix is not unique). */
  candidates: string[];
  /** For a unique smallest set: the value each suspect should have for every identity to hold. */
  fixes: Map<string, Decimal>;
  confirmed: boolean;
}

export const cellKey = (f: Pick<CellFigure, 'row' | 'col'>): string => `${f.row}:${f.col}`;

/** An identity reduced to distinct cells with summed coefficients. */
interface Equation {
  coefs: Map<string, number>;
  tolerance: Decimal;
  holds: boolean;
}

/**
 * The unknowns: a figure printed the same in several columns of one row (合计 = 小计 = 人员经费 when
 * the other parts are 0) is one figure copied, so those cells change together. Zeros are not
 * grouped (a row of zeros is not one figure).
 */
function variableOf(f: Pick<CellFigure, 'row' | 'col' | 'value'>, copies: boolean): string {
  return !copies || f.value.isZero() ? cellKey(f) : `${f.row}=${f.value.toString()}`;
}

function equations(identities: RecordedIdentity[], copies: boolean): { eqs: Equation[]; values: Map<string, Decimal>; cellsOf: Map<string, string[]> } {
  const values = new Map<string, Decimal>();
  const cellsOf = new Map<string, string[]>();
  const seen = new Set<string>();
  const eqs: Equation[] = [];
  for (const id of identities) {
    const coefs = new Map<string, number>();
    for (const t of id.terms) {
      const v = variableOf(t.fig, copies);
      const k = cellKey(t.fig);
      values.set(v, t.fig.value);
      const cells = cellsOf.get(v) ?? [];
      if (!cells.includes(k)) cells.push(k);
      cellsOf.set(v, cells);
      coefs.set(v, (coefs.get(v) ?? 0) + t.coef);
    }
    for (const [k, c] of coefs) if (c === 0) coefs.delete(k);
    if (!coefs.size) continue;
    // The same identity seen by two rules (合计 = Σ类 by sum.rows and hierarchy) counts once.
    const sorted = [...coefs].sort(([a], [b]) => (a < b ? -1 : 1));
    const sig = sorted.map(([k, c]) => `${k}*${c}`).join(',');
    const sigNeg = sorted.map(([k, c]) => `${k}*${-c}`).join(',');
    if (seen.has(sig) || seen.has(sigNeg)) continue;
    seen.add(sig);
    eqs.push({ coefs, tolerance: id.tolerance, holds: id.holds });
  }
  return { eqs, values, cellsOf };
}

/** A constraint a·x ≤ b over the unknowns. */
interface Ineq {
  a: Decimal[];
  b: Decimal;
}

/** Fourier–Motzkin: the constraints on x[0..n-1] after eliminating x[n-1], …, each stage kept for back-substitution. */
function eliminate(system: Ineq[], n: number): Ineq[][] | null {
  const stages: Ineq[][] = [system];
  let current = system;
  for (let v = n - 1; v >= 0; v--) {
    const pos: Ineq[] = [];
    const neg: Ineq[] = [];
    const rest: Ineq[] = [];
    for (const q of current) {
      const s = q.a[v].comparedTo(0);
      (s > 0 ? pos : s < 0 ? neg : rest).push(q);
    }
    const next = [...rest];
    for (const p of pos) {
      for (const m of neg) {
        const fp = m.a[v].negated();
        const fm = p.a[v];
        next.push({ a: p.a.map((x, i) => (i === v ? new Decimal(0) : x.times(fp).plus(m.a[i].times(fm)))), b: p.b.times(fp).plus(m.b.times(fm)) });
      }
    }
    if (next.length > 20000) return null;
    stages.push(next);
    current = next;
  }
  for (const q of current) if (q.b.lt(0)) return null;
  return stages;
}

/** Bounds of x[v] from the stage where it is the last unknown, the later ones substituted. */
function boundsOf(stage: Ineq[], v: number, fixed: Decimal[]): { lo: Decimal | null; hi: Decimal | null } {
  let lo: Decimal | null = null;
  let hi: Decimal | null = null;
  for (const q of stage) {
    const c = q.a[v];
    if (c.isZero()) continue;
    let rhs = q.b;
    for (let i = 0; i < v; i++) rhs = rhs.minus(q.a[i].times(fixed[i]));
    const bound = rhs.div(c);
    if (c.gt(0)) hi = hi === null || bound.lt(hi) ? bound : hi;
    else lo = lo === null || bound.gt(lo) ? bound : lo;
  }
  return { lo, hi };
}

/** Whether changing only the cells of `set` can make every equation hold; the values that do, if so. */
function solve(set: string[], eqs: Equation[], values: Map<string, Decimal>): Decimal[] | null {
  const index = new Map(set.map((k, i) => [k, i]));
  const system: Ineq[] = [];
  for (const e of eqs) {
    let touches = false;
    for (const k of e.coefs.keys()) if (index.has(k)) touches = true;
    if (!touches) {
      if (!e.holds) return null;
      continue;
    }
    // |Σ a·x + r| ≤ tol  ⇔  Σ a·x ≤ tol − r  and  −Σ a·x ≤ tol + r.
    const a = set.map(() => new Decimal(0));
    let r = new Decimal(0);
    for (const [k, c] of e.coefs) {
      const i = index.get(k);
      if (i !== undefined) a[i] = a[i].plus(c);
      else r = r.plus(values.get(k)!.times(c));
    }
    system.push({ a, b: e.tolerance.minus(r) });
    system.push({ a: a.map((x) => x.negated()), b: e.tolerance.plus(r) });
  }
  const stages = eliminate(system, set.length);
  if (!stages) return null;
  // Back-substitute: x[0] from the last stage, x[1] from the one before, …; pick the middle of each interval.
  const fixed: Decimal[] = [];
  for (let v = 0; v < set.length; v++) {
    const { lo, hi } = boundsOf(stages[set.length - v - 1], v, fixed);
    const current = values.get(set[v])!;
    fixed.push(lo && hi ? lo.plus(hi).div(2) : lo ?? hi ?? current);
  }
  return fixed;
}

/** Every set of ≤ size cells that contains a cell of each failing equation (smallest first, deduplicated). */
function hittingSets(failing: Equation[], size: number, limit: number): string[][] {
  const out = new Map<string, string[]>();
  const walk = (chosen: string[]) => {
    if (out.size >= limit) return;
    const unhit = failing.find((e) => !chosen.some((k) => e.coefs.has(k)));
    if (!unhit) {
      const sorted = [...chosen].sort();
      out.set(sorted.join('|'), sorted);
      return;
    }
    if (chosen.length === size) return;
    for (const k of unhit.coefs.keys()) walk([...chosen, k]);
  };
  walk([]);
  return [...out.values()].filter((s) => s.length === size);
}

/**
 * Each figure a cell of its own first; only when no small set explains the failures, figures
 * printed the same in one row are taken as copies of one figure (a typo can also make a total
 * equal to a neighbour by chance, so copies are never the first reading).
 */
export function localize(identities: RecordedIdentity[], settings: ReadingSettings = READING_SETTINGS): Localisation {
  const cells = localizeWith(identities, settings, false);
  return cells.confirmed ? cells : localizeWith(identities, settings, true);
}

function localizeWith(identities: RecordedIdentity[], settings: ReadingSettings, copies: boolean): Localisation {
  const { eqs, values, cellsOf } = equations(identities, copies);
  const failing = eqs.filter((e) => !e.holds);
  const variables = new Set<string>();
  for (const e of eqs) for (const k of e.coefs.keys()) variables.add(k);
  const cells = new Set([...variables].flatMap((v) => cellsOf.get(v) ?? []));
  const base: Localisation = {
    identities: eqs.length,
    held: eqs.length - failing.length,
    cells: cells.size,
    minimalSets: [],
    suspects: [],
    candidates: [],
    fixes: new Map(),
    confirmed: failing.length === 0,
  };
  if (!failing.length) return base;
  const expand = (set: string[]) => set.flatMap((v) => cellsOf.get(v) ?? []);
  const allowed = Math.min(settings.maxSuspects, Math.max(1, Math.ceil(settings.maxSuspectShare * variables.size)));
  for (let size = 1; size <= allowed; size++) {
    const found: { set: string[]; fix: Decimal[] }[] = [];
    for (const set of hittingSets(failing, size, settings.maxCandidateSets)) {
      const fix = solve(set, eqs, values);
      if (fix) found.push({ set, fix });
    }
    if (!found.length) continue;
    const candidates = [...new Set(found.flatMap((f) => expand(f.set)))];
    const unique = found.length === 1;
    const fixes = new Map<string, Decimal>();
    if (unique) found[0].set.forEach((v, i) => (cellsOf.get(v) ?? []).forEach((k) => fixes.set(k, found[0].fix[i])));
    return {
      ...base,
      minimalSets: found.map((f) => expand(f.set)),
      suspects: unique ? expand(found[0].set) : [],
      candidates,
      fixes,
      confirmed: true,
    };
  }
  return base;
}
