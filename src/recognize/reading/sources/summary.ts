/**
 * 收支总表：收入总计 = 支出总计；总计 = 本年合计 + 结转结余等（上年结转、年初结转和结余、用事业基金弥补、结余分配 …）。
 * Summary tables: income grand total = expenditure grand total; each side's grand total = its
 * 本年合计 plus the carry-over rows between them (上年结转, 年初/年末结转和结余, 结余分配 …).
 */
import type { Pane, RecognizedRow, RecognizedTable } from '../../tables';
import type { Statement, IdentitySource } from '../types';
import { checkSum, columnName, figureAt, isEmpty, judgeTerms, recordIdentity, toleranceClause, refOf, type CellFigure, type IdentityTerm } from '../support';
import { show } from '../precision';

const YEAR_TOTAL = /^(本年(收入|支出)合计|收入合计|支出合计)$/;
const GRAND_TOTAL = /总计$/;
/** Rows between 本年合计 and 总计 that add to the grand total (not their 其中 breakdowns). */
const CARRY = /^(上年|年初|年末|年终|结转|用事业|使用|结余分配|未安排|非财政拨款结余|事业基金)/;

const clean = (s: string) => s.replace(/\s+/g, '');

function carryRows(rows: RecognizedRow[]): RecognizedRow[] {
  const out: RecognizedRow[] = [];
  let inOfWhich = false;
  for (const r of rows) {
    const label = clean(r.label);
    if (r.kind === 'ofWhich') {
      inOfWhich = true;
      continue;
    }
    if (r.kind !== 'data') continue;
    if (CARRY.test(label) && !r.numbering) {
      out.push(r);
      inOfWhich = false;
    } else if (!inOfWhich && !r.numbering && !/财政拨款$|预算$/.test(label) && label) out.push(r);
  }
  return out;
}

interface SideTotals {
  pane: Pane;
  yearTotal: RecognizedRow | null;
  grandTotal: RecognizedRow | null;
}

function sideTotals(pane: Pane): SideTotals {
  const yearTotal = pane.rows.find((r) => r.kind === 'total' && YEAR_TOTAL.test(clean(r.label))) ?? null;
  const grandTotal = pane.rows.find((r) => r.kind === 'total' && GRAND_TOTAL.test(clean(r.label))) ?? null;
  return { pane, yearTotal, grandTotal };
}

function isSummary(rt: RecognizedTable): boolean {
  return rt.type === 'IncomeExpenditureSummary' || rt.type === 'FiscalAppropriationSummary' || rt.type === 'GovernmentFundExpenditure';
}

function checkTable(rule: IdentitySource, rt: RecognizedTable): (Statement | null)[] {
  if (!isSummary(rt) || rt.panes.length < 2) return [];
  const out: (Statement | null)[] = [];
  const sides = rt.panes.map(sideTotals);
  // 总计 = 本年合计 + carry rows, per side and per amount column.
  for (const s of sides) {
    if (!s.yearTotal || !s.grandTotal) continue;
    const a = s.pane.rows.indexOf(s.yearTotal);
    const b = s.pane.rows.indexOf(s.grandTotal);
    if (b <= a) continue;
    const carry = carryRows(s.pane.rows.slice(a + 1, b));
    for (const col of s.pane.amountCols) {
      const total = figureAt(rt, s.grandTotal.row, col);
      const year = figureAt(rt, s.yearTotal.row, col);
      const items = carry.map((r) => figureAt(rt, r.row, col));
      if (!total || !year || items.some((f) => !f)) continue;
      if (total.blank && year.blank) continue;
      out.push(
        checkSum({
          rule: 'identity.grand-total',
          total,
          items: [year, ...(items as CellFigure[])],
          where: `${columnName(rt, col)}列：`,
          whereEn: `column ${columnName(rt, col)}: `,
          totalName: s.grandTotal.label,
          totalNameEn: 'grand total',
          itemsName: `${s.yearTotal.label} + ${carry.map((r) => r.label).join(' + ') || '（无结转行）'}`,
          itemsNameEn: 'total of the year + carry-over rows',
        }),
      );
    }
  }
  // 收入总计 = 支出总计 (every side's first amount column; fund columns compare only with their like).
  const totals = sides
    .map((s) => {
      const row = s.grandTotal ?? s.yearTotal;
      if (!row) return null;
      const f = figureAt(rt, row.row, s.pane.amountCols[0]);
      return f ? { side: s, row, f } : null;
    })
    .filter((x): x is { side: SideTotals; row: RecognizedRow; f: CellFigure } => x !== null);
  const useGrand = totals.every((t) => t.side.grandTotal);
  const comparable = totals.filter((t) => (useGrand ? t.side.grandTotal : t.side.yearTotal) === t.row);
  if (comparable.length >= 2) {
    const first = comparable[0];
    for (const other of comparable.slice(1)) {
      if (isEmpty(first.f) || isEmpty(other.f)) continue;
      const terms: IdentityTerm[] = [{ fig: other.f, coef: 1 }, { fig: first.f, coef: -1 }];
      const judged = judgeTerms(terms);
      const diff = judged.difference;
      if (diff.isZero()) {
        recordIdentity('identity.balance', terms, judged, null);
        continue;
      }
      const d = Math.max(first.f.decimals, other.f.decimals);
      const verdict = judged.verdict;
      const { zh: tol, en: tolEn } = toleranceClause(judged);
      out.push(
        recordIdentity('identity.balance', terms, judged, {
          rule: verdict === 'rounding' ? 'rounding.tail' : 'identity.balance',
          severity: verdict === 'rounding' ? 'info' : 'error',
          message: `${verdict === 'rounding' ? '尾差：' : ''}${first.row.label} ${show(first.f.value, d)} ≠ ${other.row.label} ${show(other.f.value, d)}（收支应平衡，差 ${show(diff.abs(), d)}${tol}）`,
          messageEn: `${verdict === 'rounding' ? 'Rounding difference: ' : ''}${useGrand ? 'Income grand total' : 'Income total'} ${show(first.f.value, d)} ≠ expenditure ${show(other.f.value, d)} (the two sides must balance; difference ${show(diff.abs(), d)}${tolEn})`,
          expected: show(first.f.value, d),
          actual: show(other.f.value, d),
          difference: show(diff, d),
          refs: [refOf(other.f, 'total'), refOf(first.f, 'total')],
        }),
      );
    }
  }
  return out;
}

export const summaryIdentities: IdentitySource = {
  id: 'identity.summary',
  family: 'identity',
  title: '收入总计 = 支出总计；总计 = 本年合计 + 结转结余',
  titleEn: 'Income grand total = expenditure grand total; grand total = total of the year + carry-over',
  read(rt) {
    return checkTable(this, rt);
  },
};


