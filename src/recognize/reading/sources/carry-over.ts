/**
 * 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出（财政拨款收支总表按资金列；政府性基金等表按行）。
 * Year-end carry-over = opening carry-over + income of the year − expenditure of the year, per fund
 * column of the 财政拨款收支总表 (公开04表) and per row of tables with those four columns (公开08表).
 */
import type { Fund, Pane, RecognizedRow, RecognizedTable } from '../../tables';
import type { Statement, IdentitySource } from '../types';
import { blanksJudgeable, figureAt, isEmpty, judgeTerms, recordIdentity, toleranceClause, refOf, rowName, rowNameEn, type CellFigure, type IdentityTerm } from '../support';
import { show } from '../precision';

const clean = (s: string) => s.replace(/\s+/g, '');

function fundOfLabel(label: string): Fund | null {
  const t = clean(label);
  if (/一般公共预算/.test(t)) return 'general';
  if (/政府性基金/.test(t)) return 'fund';
  if (/国有资本/.test(t)) return 'capital';
  return null;
}

function verdictFinding(end: CellFigure, start: CellFigure, income: CellFigure, spent: CellFigure, where: string, whereEn: string): Statement | null {
  if (isEmpty(end)) return null;
  const terms: IdentityTerm[] = [
    { fig: end, coef: 1 },
    { fig: start, coef: -1 },
    { fig: income, coef: -1 },
    { fig: spent, coef: 1 },
  ];
  const judged = judgeTerms(terms);
  const diff = judged.difference;
  const expected = end.value.minus(diff);
  if (diff.isZero()) return recordIdentity('identity.carry-over', terms, judged, null);
  if (judged.verdict === 'mismatch' && !blanksJudgeable(end, [start, income, spent])) return null;
  const d = Math.max(end.decimals, start.decimals, income.decimals, spent.decimals);
  const verdict = judged.verdict;
  const { zh: tol, en: tolEn } = toleranceClause(judged);
  const arithmetic = `${show(start.value, d)} + ${show(income.value, d)} − ${show(spent.value, d)} = ${show(expected, d)}`;
  return recordIdentity('identity.carry-over', terms, judged, {
    rule: verdict === 'rounding' ? 'rounding.tail' : 'identity.carry-over',
    severity: verdict === 'rounding' ? 'info' : 'error',
    message: `${verdict === 'rounding' ? '尾差：' : ''}${where}年末结转和结余 ${show(end.value, d)} ≠ 年初结转和结余 + 本年收入 − 本年支出（${arithmetic}；差 ${show(diff.abs(), d)}${tol}）`,
    messageEn: `${verdict === 'rounding' ? 'Rounding difference: ' : ''}${whereEn}year-end carry-over ${show(end.value, d)} ≠ opening + income − expenditure (${arithmetic}; difference ${show(diff.abs(), d)}${tolEn})`,
    expected: show(expected, d),
    actual: show(end.value, d),
    difference: show(diff, d),
    refs: [refOf(end, 'total'), refOf(start, 'item'), refOf(income, 'item'), refOf(spent, 'item')],
  });
}

/** 公开04表: the income side lists income and opening balances by fund; the expenditure side has fund columns. */
function fiscalSummary(rt: RecognizedTable): (Statement | null)[] {
  if (rt.type !== 'FiscalAppropriationSummary' || rt.panes.length < 2) return [];
  const income = rt.panes.find((p) => p.side === 'income') ?? rt.panes[0];
  const spend = rt.panes.find((p) => p !== income && p.amountCols.length > 0);
  if (!spend) return [];
  const yearIncome = income.rows.find((r) => r.kind === 'total' && /本年收入合计|收入合计/.test(clean(r.label)));
  const openIdx = income.rows.findIndex((r) => /^(年初|上年结转)/.test(clean(r.label)));
  const spent = spend.rows.find((r) => r.kind === 'total' && /本年支出合计|支出合计/.test(clean(r.label)));
  const endRow = spend.rows.find((r) => /^(年末|年终|结转下年)/.test(clean(r.label)));
  if (!yearIncome || openIdx < 0 || !spent || !endRow) return [];
  const open = income.rows[openIdx];
  const incomeCol = income.amountCols[0];
  const before = income.rows.slice(0, income.rows.indexOf(yearIncome));
  const afterOpen: RecognizedRow[] = [];
  for (const r of income.rows.slice(openIdx + 1)) {
    if (r.kind === 'total') break;
    afterOpen.push(r);
  }
  const out: (Statement | null)[] = [];
  for (const col of spend.amountCols) {
    const fund = rt.columns[col].fund;
    const isTotal = rt.columns[col].measure === 'total' || col === spend.amountCols[0];
    let inc: CellFigure | null = null;
    let st: CellFigure | null = null;
    if (fund) {
      const ir = before.find((r) => fundOfLabel(r.label) === fund && r.kind === 'data');
      const sr = afterOpen.find((r) => fundOfLabel(r.label) === fund);
      inc = ir ? figureAt(rt, ir.row, incomeCol) : null;
      st = sr ? figureAt(rt, sr.row, incomeCol) : null;
    } else if (isTotal) {
      inc = figureAt(rt, yearIncome.row, incomeCol);
      st = figureAt(rt, open.row, incomeCol);
    }
    const sp = figureAt(rt, spent.row, col);
    const end = figureAt(rt, endRow.row, col);
    if (!inc || !st || !sp || !end) continue;
    if ([inc, st, sp, end].every((f) => f.blank)) continue;
    const name = rt.columns[col].path[rt.columns[col].path.length - 1] ?? '';
    out.push(verdictFinding(end, st, inc, sp, `${name}：`, `${name}: `));
  }
  return out;
}

/** Tables with columns 年初结转和结余 | 本年收入 | 本年支出(合计) | 年末结转和结余: per row. */
function rowWise(rt: RecognizedTable, pane: Pane): (Statement | null)[] {
  const cols = pane.amountCols.map((c) => rt.columns[c]);
  const start = cols.find((c) => c.measure === 'carryIn');
  const end = cols.find((c) => c.measure === 'carryOut');
  const inc = cols.find((c) => /^本年收入/.test(c.path[c.path.length - 1] ?? '') || (c.path[0] === '本年收入' && c.path.length === 1));
  const spent = cols.find((c) => c.path.some((p) => /本年支出/.test(p)) && /(合计|小计|本年支出)$/.test(c.path[c.path.length - 1] ?? ''));
  if (!start || !end || !inc || !spent) return [];
  return pane.rows
    .filter((r) => r.kind !== 'blank')
    .map((r) => {
      const f = [end, start, inc, spent].map((c) => figureAt(rt, r.row, c.index));
      if (f.some((x) => !x) || f.every((x) => x!.blank)) return null;
      return verdictFinding(f[0]!, f[1]!, f[2]!, f[3]!, `${rowName(rt, r.row, r.label, r.code?.code)}行 `, `${rowNameEn(r.row, r.label, r.code?.code)}: `);
    });
}

export const carryOver: IdentitySource = {
  id: 'identity.carry-over',
  family: 'identity',
  title: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
  titleEn: 'Year-end carry-over = opening carry-over + income − expenditure',
  read(rt) {
    return [...fiscalSummary(rt), ...rt.panes.flatMap((p) => rowWise(rt, p))];
  },
};


