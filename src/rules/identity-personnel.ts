/**
 * 基本支出（经济分类）：人员经费 = 301 + 303；公用经费 = 302 + 310（+ 307、309、399）。
 * Basic expenditure by economic class: 人员经费 = 301 + 303; 公用经费 = 302 + 310 (+ 307, 309, 399 when present).
 */
import Decimal from 'decimal.js';
import type { RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { eachTable } from './each-table';
import { blanksJudgeable, figureAt, joinTerms, judgeTerms, refOf, toleranceClause, type CellFigure, type IdentityTerm } from '../recognize/reading/support';
import { show } from '../recognize/reading/precision';

const PERSONNEL = ['301', '303'];
const PUBLIC = ['302', '307', '309', '310', '399'];

/** The amount of each economic class (3 digits): its own row, or the sum of its 5-digit rows. */
function classAmounts(rt: RecognizedTable, col: number): Map<string, CellFigure[]> {
  const out = new Map<string, CellFigure[]>();
  const own = new Map<string, CellFigure>();
  const leaves = new Map<string, CellFigure[]>();
  for (const pane of rt.panes) {
    const amount = pane.amountCols.includes(col) ? col : pane.amountCols.find((c) => rt.columns[c].measure === 'total' || rt.columns[c].path.some((p) => /决算数|合计|金额/.test(p))) ?? pane.amountCols[0];
    if (amount === undefined) continue;
    for (const r of pane.rows) {
      if (r.code?.kind !== 'economic' || !/^3/.test(r.code.code)) continue;
      const f = figureAt(rt, r.row, amount);
      if (!f) continue;
      const cls = r.code.code.slice(0, 3);
      if (r.code.level === 1) own.set(cls, f);
      else {
        if (!leaves.has(cls)) leaves.set(cls, []);
        leaves.get(cls)!.push(f);
      }
    }
  }
  for (const cls of new Set([...own.keys(), ...leaves.keys()])) out.set(cls, own.has(cls) ? [own.get(cls)!] : leaves.get(cls)!);
  return out;
}

function check(rt: RecognizedTable): (DraftFinding | null)[] {
  if (rt.type !== 'GeneralBudgetBasicExpenditure') return [];
  const out: (DraftFinding | null)[] = [];
  // Totals either as rows (人员经费合计 / 公用经费合计, 公开06表) or as columns' total row.
  const targets: { name: '人员经费' | '公用经费'; figure: CellFigure; classes: string[]; col: number }[] = [];
  for (const pane of rt.panes) {
    for (const r of pane.rows) {
      const label = r.label.replace(/\s+/g, '');
      for (const name of ['人员经费', '公用经费'] as const) {
        if (label.includes(name) && /合计/.test(label)) {
          // The figure is the first amount to the right of the label (it may sit in a later pane).
          const start = pane.columns[0];
          const cols = rt.panes.flatMap((p) => p.amountCols).filter((c) => c > start).sort((a, b) => a - b);
          const f = cols.map((c) => figureAt(rt, r.row, c)).find((x) => x && !x.blank) ?? null;
          if (f && !targets.some((t) => t.figure.row === f.row && t.figure.col === f.col)) targets.push({ name, figure: f, classes: name === '人员经费' ? PERSONNEL : PUBLIC, col: -1 });
        }
      }
    }
    const total = pane.rows.find((r) => r.kind === 'total' && /^合计$/.test(r.label.replace(/\s+/g, '')));
    const totalCol = pane.amountCols.find((c) => rt.columns[c].measure === 'total');
    if (!total || totalCol === undefined) continue;
    for (const c of pane.amountCols) {
      const m = rt.columns[c].measure;
      if (m !== 'personnel' && m !== 'public') continue;
      const f = figureAt(rt, total.row, c);
      // The classes are read in the total of the aggregate this column belongs to (上年结转 › 人员经费 goes with 上年结转 › 合计).
      // A column in no aggregate is read against 合计 only when it stands beside it (same parent header).
      const parent = (k: number) => rt.columns[k].path.slice(0, -1).join('›');
      const ownTotal = rt.aggregates.find((a) => a.parts.includes(c))?.total ?? (parent(c) === parent(totalCol) ? totalCol : undefined);
      if (ownTotal === undefined) continue;
      if (f) targets.push({ name: m === 'personnel' ? '人员经费' : '公用经费', figure: f, classes: m === 'personnel' ? PERSONNEL : PUBLIC, col: ownTotal });
    }
  }
  if (!targets.length) return [];
  for (const t of targets) {
    const amounts = classAmounts(rt, t.col);
    const parts = t.classes.filter((c) => amounts.has(c));
    if (!parts.length || (parts.length === 1 && t.name === '人员经费' && !amounts.has('301'))) continue;
    const items = parts.flatMap((c) => amounts.get(c)!);
    if (!blanksJudgeable(t.figure, items)) continue;
    const terms: IdentityTerm[] = [{ fig: t.figure, coef: 1 }, ...items.map((fig) => ({ fig, coef: -1 as const }))];
    const judged = judgeTerms(terms);
    const diff = judged.difference;
    const sum = t.figure.value.minus(diff);
    if (diff.isZero()) {
      continue;
    }
    const d = Math.max(t.figure.decimals, ...items.map((f) => f.decimals));
    const verdict = judged.verdict;
    const { zh: tol, en: tolEn } = toleranceClause(judged);
    const classSums = parts.map((c) => `${c} ${show(amounts.get(c)!.reduce((s, f) => s.plus(f.value), new Decimal(0)), d)}`);
    // A 人员经费 column is the table's own split: when it disagrees with 301 + 303 the definition, not the arithmetic, is at stake.
    const severity = verdict === 'rounding' ? 'info' : t.col >= 0 ? 'warning' : 'error';
    // Not recorded as evidence of the reading: 人员经费 = 301 + 303 is a definition that templates
    // and years draw differently, not an identity the table's own layout states.
    out.push(
      {
        rule: verdict === 'rounding' ? 'rounding.tail' : 'identity.personnel-public',
        severity,
        message: `${verdict === 'rounding' ? '尾差：' : ''}${t.name} ${show(t.figure.value, d)} ≠ ${parts.join(' + ')} 之和 ${show(sum, d)}（${joinTerms(classSums)}；差 ${show(diff.abs(), d)}${tol}）`,
        messageEn: `${verdict === 'rounding' ? 'Rounding difference: ' : ''}${t.name === '人员经费' ? 'Personnel costs' : 'Public costs'} ${show(t.figure.value, d)} ≠ the sum of classes ${parts.join(' + ')} ${show(sum, d)} (${joinTerms(classSums)}; difference ${show(diff.abs(), d)}${tolEn})`,
        expected: show(sum, d),
        actual: show(t.figure.value, d),
        difference: show(diff, d),
        refs: [refOf(t.figure, 'total'), ...items.filter((f) => !f.blank).slice(0, 20).map((f) => refOf(f, 'item'))],
      },
    );
  }
  return out;
}

export const identityPersonnel: Rule = {
  id: 'identity.personnel-public',
  family: 'identity',
  title: '人员经费 = 301 + 303；公用经费 = 302 + 310（+307/309/399）',
  titleEn: 'Personnel costs = 301 + 303; public costs = 302 + 310 (+ 307/309/399)',
  check(ctx) {
    return eachTable(this.id, ctx.tables, (rt) => check(rt));
  },
};
