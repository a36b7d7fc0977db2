/**
 * Row structure shared by the sum and hierarchy rules: which rows of a pane are the items a
 * total adds up (top-level codes, top-level numbering, unit groups), and the subtotal-aware
 * reading of flat lists whose nesting is not marked.
 */
import Decimal from 'decimal.js';
import type { CodeKind } from '../codes';
import type { Pane, RecognizedRow, RecognizedTable } from '../tables';
import { figureAt, type CellFigure } from './support';
import { describeTolerance } from './precision';

export function dominantCodeKind(pane: Pane): CodeKind | null {
  let f = 0;
  let e = 0;
  for (const r of pane.rows) {
    if (r.code?.kind === 'function') f++;
    else if (r.code?.kind === 'economic') e++;
  }
  if (f + e < 2) return null;
  return f >= e ? 'function' : 'economic';
}

export function isCoded(pane: Pane): boolean {
  return dominantCodeKind(pane) !== null;
}

/** Coded rows of the dominant kind at the shallowest level present among `rows`. */
export function topCodedRows(rows: RecognizedRow[], kind: CodeKind): RecognizedRow[] {
  const coded = rows.filter((r) => r.code?.kind === kind && r.kind !== 'ofWhich');
  if (!coded.length) return [];
  const min = Math.min(...coded.map((r) => r.code!.level));
  return coded.filter((r) => r.code!.level === min);
}

/** Numbered data rows at the shallowest numbering level among `rows`; all data rows when none is numbered. */
export function topListedRows(rows: RecognizedRow[]): RecognizedRow[] {
  const data = rows.filter((r) => r.kind === 'data');
  const numbered = data.filter((r) => r.numbering);
  if (numbered.length) {
    const min = Math.min(...numbered.map((r) => r.numbering!.level));
    return numbered.filter((r) => r.numbering!.level === min);
  }
  return data;
}

/**
 * In a flat list without markers, a row equal to the sum of the rows right after it is a subtotal
 * (专用项目 8 → 其他履职经费 8 → 3 + 5). Returns the rows left when such subtotals are removed.
 */
export function leavesOfFlatList(rt: RecognizedTable, rows: RecognizedRow[], col: number): RecognizedRow[] {
  const figs = rows.map((r) => figureAt(rt, r.row, col));
  const vals = figs.map((f) => f?.value ?? new Decimal(0));
  const subtotal = new Array(rows.length).fill(false);
  // Right to left: a row is a subtotal when the rows after it add up to it (up to the rounding of
  // the figures involved) — over two rows or more, or over one row that is itself a subtotal
  // (a chain 8 → 8 → 3 + 5); two equal leaves are not.
  for (let i = rows.length - 2; i >= 0; i--) {
    if (vals[i].isZero()) continue;
    let acc = new Decimal(0);
    for (let j = i + 1; j < rows.length; j++) {
      acc = acc.plus(vals[j]);
      const tolerance = describeTolerance(figs.slice(i, j + 1).filter((f): f is CellFigure => f !== null), rt.unit).tolerance;
      if (acc.minus(vals[i]).abs().lte(tolerance) && (j > i + 1 || subtotal[i + 1])) {
        subtotal[i] = true;
        break;
      }
      if (acc.gt(vals[i].plus(tolerance))) break;
    }
  }
  return rows.filter((_, i) => !subtotal[i]);
}

/** Splits a pane's rows into segments at group rows: [{ head, rows }]. */
export function groupSegments(pane: Pane): { head: RecognizedRow; rows: RecognizedRow[] }[] {
  const out: { head: RecognizedRow; rows: RecognizedRow[] }[] = [];
  let current: { head: RecognizedRow; rows: RecognizedRow[] } | null = null;
  for (const r of pane.rows) {
    if (r.kind === 'group') {
      current = { head: r, rows: [] };
      out.push(current);
    } else if (r.kind === 'total') {
      current = null;
    } else if (current && r.kind !== 'blank') current.rows.push(r);
  }
  // A group followed directly by another group (部门 187 → 单位 187001) wraps it: keep the innermost.
  return out.filter((g, i) => g.rows.length > 0 || i === out.length - 1);
}

/** Totals that other rules own: 人员经费合计/公用经费合计 (basic expenditure identity). */
export function isSpecialTotal(r: RecognizedRow): boolean {
  return /人员经费|公用经费/.test(r.label);
}
