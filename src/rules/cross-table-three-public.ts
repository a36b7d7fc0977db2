/**
 * 基本支出表中的 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置 不超过“三公”经费表的对应数。
 * The basic expenditure table's 30212 / 30217 / 30231 / 31013 do not exceed the matching items of
 * the “三公” table (which may also hold project spending, so only an excess is reported — as a
 * warning, the scopes of the two tables differ by region).
 */
import Decimal from 'decimal.js';
import type { RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { figureAt, refOf, tableName, type CellFigure } from '../recognize/reading/support';
import { figureTolerance, show } from '../recognize/reading/precision';

const ITEMS: [code: string, header: RegExp, name: string, nameEn: string][] = [
  ['30212', /因公出国/, '因公出国（境）费', 'official travel abroad'],
  ['30217', /公务接待/, '公务接待费', 'official reception'],
  ['30231', /公务用车运行/, '公务用车运行维护费', 'official vehicle operation'],
  ['31013', /公务用车购置费/, '公务用车购置费', 'official vehicle purchase'],
];

/** The figure of each 三公 item: the first data row, the 决算数 column when the table has both phases. */
function threePublicFigures(rt: RecognizedTable, final: boolean, year: number | null): Map<string, CellFigure> {
  const out = new Map<string, CellFigure>();
  const pane = rt.panes[0];
  if (!pane) return out;
  // Rows may compare years (2023年预算数 / 2024年预算数): take the report year's, else 本年, else the last.
  const rows = pane.rows.filter((r) => r.kind !== 'blank' && pane.amountCols.some((c) => figureAt(rt, r.row, c) && !figureAt(rt, r.row, c)!.blank));
  // …or, in a table of units, the 合计 row rather than the last unit's.
  const row =
    (year !== null ? rows.find((r) => r.label.includes(String(year))) : undefined) ??
    rows.find((r) => /本年|决算数/.test(r.label)) ??
    rows.find((r) => r.kind === 'total') ??
    rows[rows.length - 1];
  if (!row) return out;
  const phases = new Set(pane.amountCols.map((c) => rt.columns[c].phase).filter(Boolean));
  const want = phases.size > 1 ? (final ? 'final' : 'budget') : undefined;
  // Columns may compare years (2025年 | 2026年): the report year's when the headers name years.
  const ofYear = year !== null && pane.amountCols.some((c) => rt.columns[c].year === year);
  for (const [code, header] of ITEMS) {
    const col = pane.amountCols.find(
      (c) =>
        (!want || rt.columns[c].phase === want) &&
        (!ofYear || rt.columns[c].year === year) &&
        rt.columns[c].path.some((p) => header.test(p)) &&
        !/小计|合计/.test(rt.columns[c].path[rt.columns[c].path.length - 1] ?? ''),
    );
    const f = col !== undefined ? figureAt(rt, row.row, col) : null;
    if (f) out.set(code, f);
  }
  return out;
}

function basicFigures(rt: RecognizedTable): Map<string, CellFigure[]> {
  const out = new Map<string, CellFigure[]>();
  for (const pane of rt.panes) {
    const col = pane.amountCols.find((c) => rt.columns[c].measure === 'total') ?? pane.amountCols[0];
    if (col === undefined) continue;
    for (const r of pane.rows) {
      const code = r.code?.kind === 'economic' ? r.code.code : null;
      if (!code || !ITEMS.some(([c]) => c === code)) continue;
      const f = figureAt(rt, r.row, col);
      if (!f) continue;
      if (!out.has(code)) out.set(code, []);
      out.get(code)!.push(f);
    }
  }
  return out;
}

export const crossTableThreePublic: Rule = {
  id: 'cross-table.three-public',
  family: 'cross-table',
  title: '基本支出表 30212/30217/30231/31013 ≤ “三公”经费表对应数',
  titleEn: 'Basic expenditure 30212/30217/30231/31013 do not exceed the “三公” table',
  check(ctx) {
    const three = ctx.tables.find((t) => t.type === 'ThreePublicExpenses');
    const basic = ctx.tables.find((t) => t.type === 'GeneralBudgetBasicExpenditure' && t.panes.some((p) => p.rows.some((r) => r.code?.kind === 'economic')));
    if (!three || !basic) return [];
    // Figures in an unknown unit are compared only with figures in an unknown unit.
    if ((three.scale === null) !== (basic.scale === null)) return [];
    const final = ctx.document.kind === 'final';
    const tp = threePublicFigures(three, final, ctx.document.year);
    const bf = basicFigures(basic);
    const out: DraftFinding[] = [];
    for (const [code, , name, nameEn] of ITEMS) {
      const t = tp.get(code);
      const b = bf.get(code);
      if (!t || !b?.length) continue;
      const st = three.scale ?? new Decimal(1);
      const sb = basic.scale ?? new Decimal(1);
      const bv = b.reduce((s, f) => s.plus(f.value), new Decimal(0));
      const excess = bv.times(sb).minus(t.value.times(st));
      // Each figure's own printed precision: one printed to the 分 is exact, a rounded one ±½ its last digit.
      const tol = figureTolerance(t.value, t.decimals, three.unit, !t.blank)
        .times(st)
        .plus(b.reduce((s, f) => s.plus(figureTolerance(f.value, f.decimals, basic.unit, !f.blank)), new Decimal(0)).times(sb));
      if (excess.lte(tol)) continue;
      const d = Math.max(t.decimals, b[0].decimals);
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `《${tableName(basic)}》${code} ${name} ${show(bv, d)} 大于《${tableName(three)}》${name} ${t.text}（基本支出中的${name}不应超过“三公”经费数）`,
        messageEn: `${tableName(basic)}: ${code} ${nameEn} ${show(bv, d)} exceeds ${t.text} in ${tableName(three)} (basic spending on it cannot exceed the “三公” figure)`,
        expected: `≤ ${t.text}`,
        actual: show(bv, d),
        difference: basic.unit === three.unit ? show(bv.minus(t.value), d) : `${show(excess, 2)} 元`,
        refs: [...b.map((f) => refOf(f, 'item')), refOf(t, 'total')],
      });
    }
    return out;
  },
};
