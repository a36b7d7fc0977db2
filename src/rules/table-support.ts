/**
 * Shared plumbing for table rules: references to cells, the sum comparison with its 尾差
 * interval and bilingual arithmetic, and a per-table guard that turns a rule's failure on one
 * table into an `unchecked` note instead of a broken report.
 */
import Decimal from 'decimal.js';
import type { FindingRef, RefRole } from '../report/types';
import { cellValue, type RecognizedTable } from '../recognize/tables';
import type { DraftFinding } from './types';
import { judge, roundingInterval, show } from './rounding';

/** A number in a table: where it is and what it says. */
export interface CellFigure {
  rt: RecognizedTable;
  row: number;
  col: number;
  value: Decimal;
  decimals: number;
  text: string;
  /** Kind of printed value: a blank/dash reads as 0. */
  blank: boolean;
}

export function figureAt(rt: RecognizedTable, row: number, col: number): CellFigure | null {
  const v = cellValue(rt.table, row, col);
  if (v.kind === 'text' || v.kind === 'percent' || v.value === null) return null;
  return { rt, row, col, value: v.value, decimals: v.decimals, text: v.text, blank: v.kind !== 'number' };
}

/**
 * A total and its items in one column, when every figure can be read and not all are blank
 * (a column left empty throughout says nothing about its sums).
 */
export function sumFigures(rt: RecognizedTable, totalRow: number, itemRows: number[], col: number): { total: CellFigure; figs: CellFigure[] } | null {
  const total = figureAt(rt, totalRow, col);
  if (!total) return null;
  const figs: CellFigure[] = [];
  for (const row of itemRows) {
    const f = figureAt(rt, row, col);
    if (!f) return null;
    figs.push(f);
  }
  if (total.blank && figs.every((f) => f.blank)) return null;
  return { total, figs };
}

export function refOf(f: CellFigure, role: RefRole): FindingRef {
  const cell = f.rt.table.rows[f.row]?.[f.col];
  if (cell) return { page: cell.page, bbox: cell.bbox, text: cell.text, tableId: f.rt.table.id, row: f.row, col: f.col, role };
  // A blank position (no cell): point at the row's first cell so the reviewer still sees the row.
  const rowCells = f.rt.table.rows[f.row] ?? [];
  const any = rowCells.find((c) => c) ?? f.rt.table.rows.flat().find((c) => c);
  return {
    page: any?.page ?? f.rt.table.pages[0] ?? 1,
    bbox: any?.bbox ?? [0, 0, 0, 0],
    text: '',
    tableId: f.rt.table.id,
    row: f.row,
    col: f.col,
    role,
  };
}

/** True when the table's amounts are exact (printed in 元). */
export function isExact(rt: RecognizedTable): boolean {
  return rt.unit === '元';
}

export function tableName(rt: RecognizedTable): string {
  return rt.table.title || rt.table.id;
}

/** `a + b + c` with long lists shortened in the middle. */
export function joinTerms(values: string[], max = 12): string {
  if (values.length <= max) return values.join(' + ');
  return [...values.slice(0, max - 3), '…', ...values.slice(-2)].join(' + ');
}

export interface SumCheck {
  rule: string;
  total: CellFigure;
  items: CellFigure[];
  /** e.g. `“2101501 行政运行”行 合计列` — where the total is, in words. */
  where: string;
  whereEn: string;
  /** e.g. `合计` / `total`, `各项之和` / `sum of items`. */
  totalName?: string;
  totalNameEn?: string;
  itemsName?: string;
  itemsNameEn?: string;
  /** Refs to put first (the value most likely wrong); default the total. */
  suspect?: 'total' | 'items';
}

/**
 * Compares a total with the sum of its items: nothing when equal, an `info` 尾差 finding when the
 * difference is inside the rounding interval, an `error` otherwise.
 */
export function checkSum(c: SumCheck): DraftFinding | null {
  const sum = c.items.reduce((s, f) => s.plus(f.value), new Decimal(0));
  const diff = c.total.value.minus(sum);
  if (diff.isZero()) return null;
  const printed = c.items.filter((f) => !f.blank);
  const decimals = Math.max(c.total.decimals, ...c.items.map((f) => f.decimals), 0);
  const interval = roundingInterval(printed.length, decimals, isExact(c.total.rt));
  const verdict = judge(diff, interval);
  const totalName = c.totalName ?? '合计';
  const totalNameEn = c.totalNameEn ?? 'total';
  const itemsName = c.itemsName ?? '各项之和';
  const itemsNameEn = c.itemsNameEn ?? 'sum of items';
  const shownItems = c.items.filter((f) => !f.blank);
  const terms = shownItems.length ? joinTerms(shownItems.map((f) => show(f.value, f.decimals))) : '各项均为空';
  const t = show(c.total.value, decimals);
  const s = show(sum, decimals);
  const d = show(diff.abs(), decimals);
  const totalRef = refOf(c.total, 'total');
  const itemRefs = c.items.filter((f) => !f.blank || c.items.length <= 3).map((f) => refOf(f, 'item'));
  const refs = c.suspect === 'items' ? [...itemRefs, totalRef] : [totalRef, ...itemRefs];
  if (verdict === 'rounding') {
    return {
      rule: 'rounding.tail',
      severity: 'info',
      message: `尾差：${c.where}${totalName ? totalName + ' ' : ''}${t} ≠ ${itemsName} ${s}（${terms}；差 ${d}，在 ${printed.length} 项四舍五入容差 ${show(interval.tolerance, decimals + 1)} 内）`,
      messageEn: `Rounding difference: ${c.whereEn}${totalNameEn ? totalNameEn + ' ' : ''}${t} ≠ ${itemsNameEn} ${s} (${terms}; difference ${d}, within the rounding tolerance ${show(interval.tolerance, decimals + 1)} of ${printed.length} items)`,
      expected: s,
      actual: t,
      difference: show(diff, decimals),
      refs,
    };
  }
  const tol = interval.tolerance.isZero() ? '，金额以元列示，应精确相等' : `，超出 ${printed.length} 项四舍五入容差 ${show(interval.tolerance, decimals + 1)}`;
  const tolEn = interval.tolerance.isZero() ? '; amounts in 元 must agree exactly' : `; beyond the rounding tolerance ${show(interval.tolerance, decimals + 1)} of ${printed.length} items`;
  return {
    rule: c.rule,
    severity: 'error',
    message: `${c.where}${totalName ? totalName + ' ' : ''}${t} ≠ ${itemsName} ${s}（${terms}；差 ${d}${tol}）`,
    messageEn: `${c.whereEn}${totalNameEn ? totalNameEn + ' ' : ''}${t} ≠ ${itemsNameEn} ${s} (${terms}; difference ${d}${tolEn})`,
    expected: s,
    actual: t,
    difference: show(diff, decimals),
    refs,
  };
}

/** Failures of a rule on one table, collected by the engine into `unchecked`. */
export interface TableFailure {
  tableId: string;
  rule: string;
  error: string;
}

let failureSink: TableFailure[] | null = null;

/** The engine sets a sink while rules run; rules report per-table failures into it. */
export function withFailureSink<T>(sink: TableFailure[], fn: () => T): T {
  const prev = failureSink;
  failureSink = sink;
  try {
    return fn();
  } finally {
    failureSink = prev;
  }
}

/** Runs `fn` for each table, catching a failure on one table so the others are still checked. */
export function eachTable(rule: string, tables: RecognizedTable[], fn: (rt: RecognizedTable) => (DraftFinding | null)[] | void): DraftFinding[] {
  const out: DraftFinding[] = [];
  for (const rt of tables) {
    try {
      const found = fn(rt);
      if (found) for (const f of found) if (f) out.push(f);
    } catch (e) {
      failureSink?.push({ tableId: rt.table.id, rule, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** `“2101501 行政运行”行` — a row described for a message. */
export function rowName(rt: RecognizedTable, row: number, label: string, code?: string | null): string {
  const text = [code, label].filter(Boolean).join(' ').slice(0, 30);
  return text ? `“${text}”` : `第 ${row + 1} `;
}

export function rowNameEn(row: number, label: string, code?: string | null): string {
  const text = [code, label].filter(Boolean).join(' ').slice(0, 30);
  return text ? `row “${text}”` : `row ${row + 1}`;
}

export function columnName(rt: RecognizedTable, col: number): string {
  const p = rt.columns[col]?.path ?? [];
  return p.length ? p.join('›') : `第 ${col + 1} 列`;
}
