/**
 * Shared plumbing for the identities a table's reading implies: references to cells, the sum
 * comparison with its 尾差 interval and bilingual arithmetic, and the recording of every identity
 * judged so that the reading can be confirmed from all of them (./confirm.ts).
 */
import Decimal from 'decimal.js';
import type { FindingRef, RefRole } from '../../report/types';
import { cellValue, type RecognizedTable } from '../tables';
import type { Statement } from './types';
import { describeTolerance, judge, show } from './precision';

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
  /** Which side is the more likely wrong, when other identities tell (said in an error's message; no figure is blamed). */
  suspect?: 'total' | 'items';
}

/** One term of a linear identity over table cells: Σ coef·value = 0 (within the tolerance). */
export interface IdentityTerm {
  fig: CellFigure;
  coef: 1 | -1;
}

/**
 * An identity a table's reading implies, as its source stated it: its terms, the tolerance from
 * the printed precision of each figure, whether it holds, and its statement when it does not.
 * Collected per table to confirm the reading and to name the wrong cell (./localize.ts).
 */
export interface RecordedIdentity {
  rule: string;
  tableId: string;
  terms: IdentityTerm[];
  difference: Decimal;
  tolerance: Decimal;
  /** Within the tolerance (equal or 尾差). */
  holds: boolean;
  /** Its loud statement when the identity fails. */
  finding: Statement | null;
}

/** A list lent to plain functions while they run (identity sources, rules), for them to record into. */
export interface Sink<S> {
  current: S[] | null;
}

export function withSink<S, T>(slot: Sink<S>, sink: S[], fn: () => T): T {
  const prev = slot.current;
  slot.current = sink;
  try {
    return fn();
  } finally {
    slot.current = prev;
  }
}

const identities: Sink<RecordedIdentity> = { current: null };

/** While `fn` runs, every identity a source judges is recorded into `sink`. */
export function withIdentitySink<T>(sink: RecordedIdentity[], fn: () => T): T {
  return withSink(identities, sink, fn);
}

/** A source that failed on a table: listed as unchecked with its error instead of breaking the report. */
export interface TableFailure {
  tableId: string;
  rule: string;
  error: string;
}

export interface TermsVerdict {
  difference: Decimal;
  tolerance: Decimal;
  verdict: 'equal' | 'rounding' | 'mismatch';
  /** How the tolerance was made (bilingual), for messages. */
  text: string;
  textEn: string;
}

/** The tolerance said after a difference: inside it (尾差) or, for a mismatch, how it was made. */
export function toleranceClause(judged: TermsVerdict): { zh: string; en: string } {
  return judged.verdict === 'rounding' ? { zh: `，在${judged.text}内`, en: `, within the ${judged.textEn}` } : { zh: `；${judged.text}`, en: `; ${judged.textEn}` };
}

/** Σ coef·value and its tolerance from each figure's printed precision. */
export function judgeTerms(terms: IdentityTerm[]): TermsVerdict {
  const difference = terms.reduce((s, t) => (t.coef === 1 ? s.plus(t.fig.value) : s.minus(t.fig.value)), new Decimal(0));
  const unit = terms[0]?.fig.rt.unit ?? null;
  const tol = describeTolerance(terms.map((t) => t.fig), unit);
  return { difference, tolerance: tol.tolerance, verdict: judge(difference, tol), text: tol.text, textEn: tol.textEn };
}

/** Records an identity a source judged (when a reading is being collected) and returns its statement unchanged. */
export function recordIdentity(rule: string, terms: IdentityTerm[], judged: TermsVerdict, finding: Statement | null): Statement | null {
  if (identities.current && terms.length) {
    identities.current.push({
      rule,
      tableId: terms[0].fig.rt.table.id,
      terms,
      difference: judged.difference,
      tolerance: judged.tolerance,
      holds: judged.verdict !== 'mismatch',
      finding: finding && finding.severity !== 'info' ? finding : null,
    });
  }
  return finding;
}

/**
 * Blank cells in an identity: a blank total leaves it unchecked; a blank item counts as 0 only
 * when the total and every other item are printed. With more blanks the identity may still hold
 * (blanks as 0), which confirms the reading, but its failure proves nothing.
 */
export function blanksJudgeable(total: CellFigure, items: CellFigure[]): boolean {
  return !isEmpty(total) && items.filter(isEmpty).length <= 1;
}

/** Nothing printed at all (a dash is a printed zero). */
export function isEmpty(f: CellFigure): boolean {
  return f.blank && f.text.trim() === '';
}

/**
 * Compares a total with the sum of its items: nothing when equal, an `info` 尾差 finding when the
 * difference is inside the tolerance of the printed figures, an `error` otherwise.
 */
export function checkSum(c: SumCheck): Statement | null {
  if (isEmpty(c.total)) return null;
  const terms: IdentityTerm[] = [{ fig: c.total, coef: 1 }, ...c.items.map((fig) => ({ fig, coef: -1 as const }))];
  const judged = judgeTerms(terms);
  const diff = judged.difference;
  const sum = c.total.value.minus(diff);
  // Every item left empty under a printed total: the rows are missing from the page. A fact about
  // the document, not evidence about the reading, so it is reported without being recorded.
  const rowsMissing = c.items.length > 0 && c.items.every(isEmpty);
  const record = (finding: Statement | null) => (rowsMissing ? (finding && { ...finding, rowsMissing: true as const }) : recordIdentity(c.rule, terms, judged, finding));
  if (diff.isZero()) return record(null);
  if (!rowsMissing && judged.verdict === 'mismatch' && !blanksJudgeable(c.total, c.items)) return null;
  const decimals = Math.max(c.total.decimals, ...c.items.map((f) => f.decimals), 0);
  const totalName = c.totalName ?? '合计';
  const totalNameEn = c.totalNameEn ?? 'total';
  const itemsName = c.itemsName ?? '各项之和';
  const itemsNameEn = c.itemsNameEn ?? 'sum of items';
  const shownItems = c.items.filter((f) => !f.blank);
  const terms$ = shownItems.length ? joinTerms(shownItems.map((f) => show(f.value, f.decimals))) : '各项均为空';
  const t = show(c.total.value, decimals);
  const s = show(sum, decimals);
  const d = show(diff.abs(), decimals);
  const totalRef = refOf(c.total, 'total');
  const itemRefs = c.items.filter((f) => !f.blank || c.items.length <= 3).map((f) => refOf(f, 'item'));
  // The total first: the finding is listed and marked at the identity's total, never at one item
  // picked for no reason (which item is wrong, when it is the items, the arithmetic cannot tell).
  const refs = [totalRef, ...itemRefs];
  if (judged.verdict === 'rounding') {
    return record({
      rule: 'rounding.tail',
      severity: 'info',
      message: `尾差：${c.where}${totalName ? totalName + ' ' : ''}${t} ≠ ${itemsName} ${s}（${terms$}；差 ${d}，在${judged.text}内）`,
      messageEn: `Rounding difference: ${c.whereEn}${totalNameEn ? totalNameEn + ' ' : ''}${t} ≠ ${itemsNameEn} ${s} (${terms$}; difference ${d}, within the ${judged.textEn})`,
      expected: s,
      actual: t,
      difference: show(diff, decimals),
      refs,
    });
  }
  const tol = judged.tolerance.isZero() ? `，${judged.text}` : `，超出${judged.text}`;
  const tolEn = judged.tolerance.isZero() ? `; ${judged.textEn}` : `; beyond the ${judged.textEn}`;
  const side = c.suspect === 'items' ? '；其上一级相加相符，差异更可能出在所属各数' : '';
  const sideEn = c.suspect === 'items' ? '; the level above adds up, so the difference more likely lies in the items' : '';
  return record({
    rule: c.rule,
    severity: 'error',
    message: `${c.where}${totalName ? totalName + ' ' : ''}${t} ≠ ${itemsName} ${s}（${terms$}；差 ${d}${tol}${side}）`,
    messageEn: `${c.whereEn}${totalNameEn ? totalNameEn + ' ' : ''}${t} ≠ ${itemsNameEn} ${s} (${terms$}; difference ${d}${tolEn}${sideEn})`,
    expected: s,
    actual: t,
    difference: show(diff, decimals),
    refs,
  });
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
