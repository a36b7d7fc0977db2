/**
 * 同一数据在各表中一致：收支总表与支出总表/一般公共预算支出表的各类支出、本年收支合计；基本支出、人员经费、公用经费；
 * 部门与单位两级表。
 * The same quantity agrees wherever it appears: class amounts and totals in the summary tables vs
 * the detail tables, 基本支出 / 人员经费 / 公用经费 across tables, department vs unit copies.
 *
 * Each table contributes quantities keyed by fund scope (all funds / 财政拨款 / 一般公共预算),
 * measure (total, basic, personnel …), phase (预算数/决算数) and subject (a function or economic
 * code, or ALL for the table total). Scopes collapse when the summary shows they coincide (no
 * income besides 一般公共预算, no carry-over). Amounts that are totals of n rounded figures are
 * compared within the (n + 1)·½·10^−d interval (尾差 → info).
 */
import Decimal from 'decimal.js';
import { economicClassByName, functionClassByName } from '../recognize/codes';
import { cellText, type Measure, type Pane, type RecognizedRow, type RecognizedTable } from '../recognize/tables';
import type { DraftFinding, Rule } from './types';
import { figureAt, refOf, tableName, type CellFigure } from '../recognize/reading/support';
import { dominantCodeKind } from '../recognize/reading/structure';
import { figureTolerance, show } from '../recognize/reading/precision';

type Scope = 'all' | 'fiscal' | 'general' | 'fund' | 'basic';

interface Quantity {
  key: string;
  rt: RecognizedTable;
  figure: CellFigure;
  /** Rounded figures this amount is the total of (0 for a single printed figure). */
  items: number;
  label: string;
  /** Summary tables repeat figures computed elsewhere: their value is the suspect on a mismatch. */
  derived: boolean;
  /** Extra cells (a computed class sum's rows). */
  extra?: CellFigure[];
}

const clean = (s: string) => s.replace(/\s+/g, '');
/** A column's own header word (人员经费 of 本年支出/基本支出/人员经费). */
const r0 = (path: string[]) => clean(path[path.length - 1] ?? '');

/** The fund scope a title names (公开05表 财政拨款支出预算表 is a 支出表 of 财政拨款 only). */
function titleScope(title: string): Scope | null {
  const t = clean(title);
  if (/政府性基金/.test(t)) return 'fund';
  if (/一般公共预算/.test(t)) return 'general';
  if (/财政拨款/.test(t)) return 'fiscal';
  return null;
}

function tableScope(rt: RecognizedTable): Scope | null {
  switch (rt.type) {
    case 'IncomeExpenditureSummary':
    case 'IncomeSummary':
    case 'ExpenditureSummary':
    case 'ProjectExpenditure':
      return titleScope(rt.table.title) ?? 'all';
    case 'FiscalAppropriationSummary':
      return 'fiscal';
    case 'GeneralBudgetExpenditure':
      return 'general';
    case 'GeneralBudgetBasicExpenditure':
      return 'basic';
    default:
      return null;
  }
}

function measureKey(rt: RecognizedTable, m: Measure | undefined, path: string[] = []): string | null {
  if (!m) return null;
  // 收入总表: 本年收入(合计/小计) is the year's income; a plain 合计 also holds 上年结转 (= 收入总计).
  if (rt.type === 'IncomeSummary') return m === 'income' || path.some((p) => /本年收入/.test(p)) ? 'income' : m === 'total' ? 'incomeGrand' : null;
  if (rt.type === 'ProjectExpenditure') return m === 'total' || m === 'project' ? 'project' : null;
  if (rt.type === 'GeneralBudgetBasicExpenditure' && m === 'total') return 'basic';
  if (['total', 'basic', 'project', 'personnel', 'public'].includes(m)) return m;
  return null;
}

/** Scopes that coincide in this document (e.g. everything is 一般公共预算). */
export function scopeAliases(tables: RecognizedTable[]): (s: Scope) => Scope {
  let allIsFiscal = false;
  let fiscalIsGeneral = false;
  const summary = tables.find((t) => t.type === 'IncomeExpenditureSummary');
  const fiscal = tables.find((t) => t.type === 'FiscalAppropriationSummary');
  const incomeRows = (rt: RecognizedTable) => {
    const pane = rt.panes.find((p) => p.side === 'income') ?? rt.panes[0];
    if (!pane || rt.panes.length < 2) return null;
    const col = pane.amountCols[0];
    return pane.rows.filter((r) => r.kind === 'data').map((r) => ({ label: clean(r.label), v: figureAt(rt, r.row, col)?.value ?? new Decimal(0) }));
  };
  const zero = (rows: { label: string; v: Decimal }[], re: RegExp) => rows.filter((r) => re.test(r.label)).every((r) => r.v.isZero());
  if (summary) {
    const rows = incomeRows(summary);
    if (rows) {
      allIsFiscal = rows.filter((r) => !/一般公共预算|政府性基金|国有资本|财政拨款|部门预算/.test(r.label)).every((r) => r.v.isZero());
      fiscalIsGeneral = zero(rows, /政府性基金|国有资本/);
    }
  }
  if (fiscal) {
    const rows = incomeRows(fiscal);
    if (rows) fiscalIsGeneral = zero(rows, /政府性基金|国有资本/);
  }
  return (s) => {
    if (s === 'all' && allIsFiscal) s = 'fiscal';
    if (s === 'fiscal' && fiscalIsGeneral) s = 'general';
    return s;
  };
}

/** For each coded row, how many leaf rows (codes with no descendants) lie under it. */
function leafCounts(rows: RecognizedRow[]): number[] {
  const codes = rows.map((r) => r.code?.code ?? '');
  const parents = new Set<string>();
  for (const c of codes) for (let n = 3; n < c.length; n += 2) parents.add(c.slice(0, n));
  const leaves = codes.filter((c) => c && !parents.has(c));
  return codes.map((c) => (c && parents.has(c) ? leaves.filter((l) => l.length > c.length && l.startsWith(c)).length : 0));
}

/** Economic class rows of a summary side, by the section (basic / project) they are listed under. */
function economicRows(rows: RecognizedRow[], emit: (section: 'basic' | 'project', code: string, r: RecognizedRow) => void): void {
  let section: 'basic' | 'project' | null = null;
  let level = 0;
  for (const r of rows) {
    const l = clean(r.label);
    const head = /人员经费和公用经费|^.{0,4}基本支出$/.test(l) ? 'basic' : /专项业务经费|项目支出/.test(l) ? 'project' : null;
    if (head) {
      section = head;
      level = r.numbering?.level ?? 0;
      continue;
    }
    if (!section) continue;
    if (r.kind === 'total' || (r.numbering && r.numbering.level <= level)) {
      section = null;
      continue;
    }
    const code = economicClassByName(r.label);
    if (code) emit(section, code, r);
  }
}

/**
 * The row of a pane holding the year's total: its 合计 / 总计 row, also when the word stands in a
 * code column (合计 printed under 编码, the name cell empty).
 */
function totalRowOf(rt: RecognizedTable, pane: Pane): RecognizedRow | undefined {
  const named = pane.rows.find((r) => r.kind === 'total' && /^(合计|总计)?$/.test(clean(r.label).replace(/^合计$/, '')));
  if (named) return named;
  return pane.rows.find((r) => r.kind === 'data' && !r.label && !r.code && pane.codeCols.some((c) => /^(合计|总计)$/.test(clean(cellText(rt.table, r.row, c)))));
}

/**
 * The year's expenditure total of a summary's expenditure side: 本年支出合计, or 支出总计 when the side
 * lists nothing but its classes (no 结转下年 row whose figure 支出总计 would also hold).
 */
function yearExpenditureRow(rt: RecognizedTable, pane: Pane, classRows: RecognizedRow[], col: number): RecognizedRow | undefined {
  const year = pane.rows.find((r) => r.kind === 'total' && /^本年支出合计$/.test(clean(r.label)));
  if (year) return year;
  const grand = pane.rows.find((r) => r.kind === 'total' && /^支出总计$/.test(clean(r.label)));
  if (!grand) return undefined;
  const others = pane.rows.filter((r) => r.row < grand.row && r.kind !== 'blank' && !classRows.includes(r));
  return others.every((r) => !figureAt(rt, r.row, col) || figureAt(rt, r.row, col)!.blank) ? grand : undefined;
}

export function quantitiesOf(rt: RecognizedTable, alias: (s: Scope) => Scope): Quantity[] {
  const base = tableScope(rt);
  if (!base) return [];
  const out: Quantity[] = [];
  const summary = rt.type === 'IncomeExpenditureSummary' || rt.type === 'FiscalAppropriationSummary';
  const add = (scope: Scope, measure: string, phase: string | undefined, subject: string, figure: CellFigure | null, items: number, label: string, extra?: CellFigure[]) => {
    if (!figure) return;
    // 预算数/决算数 headers only matter inside one table; across tables the figures of one report are compared.
    void phase;
    out.push({ key: `${alias(scope)}|${measure}||${subject}`, rt, figure, items, label, derived: summary, extra });
  };
  for (const pane of rt.panes) {
    if (summary) {
      // Class rows named in words on the expenditure side; the year's totals on both sides.
      const classRows = pane.rows.filter((r) => r.kind === 'data' && functionClassByName(r.label));
      const isExpenditure = pane.side === 'expenditure' || classRows.length >= 3;
      for (const col of pane.amountCols) {
        const c = rt.columns[col];
        if (/其中/.test(c.path[c.path.length - 1] ?? '')) continue;
        const scope: Scope = c.fund === 'general' ? 'general' : c.fund === 'fund' ? 'fund' : c.fund === 'capital' ? 'fund' : base;
        if (c.fund === 'capital') continue;
        if (isExpenditure && classRows.length >= 3) for (const r of classRows) add(scope, 'total', c.phase, `fn:${functionClassByName(r.label)}`, figureAt(rt, r.row, col), 1, r.label);
        // 部门经济分类 side: 人员经费和公用经费支出 › (1)工资福利支出 … = the basic table's classes;
        // 专项业务经费支出 › (2)商品和服务支出 … = the project column of the economic table.
        if (alias(base) === 'general') economicRows(pane.rows, (section, code, r) => add(section === 'basic' ? 'basic' : 'general', section, c.phase, `ec:${code}`, figureAt(rt, r.row, col), 1, r.label));
        const printed = (rows: RecognizedRow[]) => rows.filter((r) => figureAt(rt, r.row, col) && !figureAt(rt, r.row, col)!.blank).length;
        const classCount = printed(classRows);
        const itemCount = printed(pane.rows.filter((r) => r.kind === 'data'));
        // 基本支出 / 人员经费 / 公用经费 columns of the expenditure side: the year's total of each is the
        // document's whole 人员经费 (…) of that scope, the same quantity as the basic-expenditure
        // tables' 合计 when the scopes coincide (everything is 一般公共预算: `alias`).
        const part = c.measure === 'basic' || c.measure === 'personnel' || c.measure === 'public' ? c.measure : null;
        if (part && isExpenditure && classRows.length > 0) {
          const year = yearExpenditureRow(rt, pane, classRows, col);
          if (year) add(scope, part, c.phase, 'ALL', figureAt(rt, year.row, col), classCount, `${r0(c.path)}（${year.label}）`);
        }
        for (const r of pane.rows) {
          const l = clean(r.label);
          if (r.kind !== 'total') continue;
          if (/^本年支出合计$/.test(l) && classRows.length >= 3) add(scope, 'total', c.phase, 'ALL', figureAt(rt, r.row, col), classCount, r.label);
          if (/^本年收入合计$/.test(l) && pane.side !== 'expenditure') add(scope, 'income', c.phase, 'ALL', figureAt(rt, r.row, col), itemCount, r.label);
          if (/^收入总计$/.test(l) && pane.side !== 'expenditure') add(scope, 'incomeGrand', c.phase, 'ALL', figureAt(rt, r.row, col), itemCount, r.label);
        }
      }
      continue;
    }
    const kind = dominantCodeKind(pane);
    const scope = base;
    for (const col of pane.amountCols) {
      const c = rt.columns[col];
      const m = measureKey(rt, c.measure, c.path);
      if (!m) continue;
      const total = totalRowOf(rt, pane);
      const leaves = kind ? leafCounts(pane.rows.filter((r) => r.code?.kind === kind)).filter((n, i, all) => n === 0 && all.length > 0).length : pane.rows.filter((r) => r.kind === 'data').length;
      if (total) add(scope === 'basic' ? 'general' : scope, m === 'total' && scope === 'basic' ? 'basic' : m, c.phase, 'ALL', figureAt(rt, total.row, col), Math.max(1, leaves), '合计');
      if (!kind) continue;
      const prefix = kind === 'function' ? 'fn' : 'ec';
      const rowScope: Scope = kind === 'function' && scope === 'basic' ? 'general' : scope;
      const measure = kind === 'function' && scope === 'basic' && m === 'total' ? 'basic' : m;
      const coded = pane.rows.filter((r) => r.code?.kind === kind);
      const counts = leafCounts(coded);
      // A code listed more than once (per project, per unit, per 政府经济科目) is not one quantity.
      const seen = new Map<string, number>();
      for (const r of coded) seen.set(r.code!.code, (seen.get(r.code!.code) ?? 0) + 1);
      if (rt.type !== 'ProjectExpenditure')
        coded.forEach((r, i) => seen.get(r.code!.code) === 1 && add(rowScope, measure, c.phase, `${prefix}:${r.code!.code}`, figureAt(rt, r.row, col), counts[i], r.label));
      // No class rows (类/款/项 split columns listing 项 only): the class amount is the sum of its rows.
      if (kind === 'function' && coded.length && !coded.some((r) => r.code!.level === 1) && rt.type !== 'ProjectExpenditure') {
        const byClass = new Map<string, CellFigure[]>();
        for (const r of coded) {
          const f = figureAt(rt, r.row, col);
          if (!f) continue;
          const k = r.code!.code.slice(0, 3);
          if (!byClass.has(k)) byClass.set(k, []);
          byClass.get(k)!.push(f);
        }
        for (const [cls, figs] of byClass) {
          const sum = figs.reduce((s, f) => s.plus(f.value), new Decimal(0));
          const first = figs[0];
          add(rowScope, measure, c.phase, `fn:${cls}`, { ...first, value: sum, text: show(sum, first.decimals) }, figs.length, `${cls}（各项之和）`, figs);
        }
      }
    }
  }
  // 公开06表: 人员经费合计 / 公用经费合计 rows.
  if (rt.type === 'GeneralBudgetBasicExpenditure') {
    for (const pane of rt.panes) {
      for (const r of pane.rows) {
        const l = clean(r.label);
        const name = /人员经费合计/.test(l) ? 'personnel' : /公用经费合计/.test(l) ? 'public' : null;
        if (!name) continue;
        const cols = rt.panes.flatMap((p) => p.amountCols).filter((c) => c > pane.columns[0]).sort((a, b) => a - b);
        const f = cols.map((c) => figureAt(rt, r.row, c)).find((x) => x && !x.blank) ?? null;
        add('general', name, undefined, 'ALL', f, pane.rows.filter((x) => x.code?.level === 2).length, r.label);
      }
    }
  }
  return out;
}

const PART_NAMES: Record<string, string> = { basic: '基本支出', personnel: '人员经费', public: '公用经费' };

function compare(a: Quantity, b: Quantity): DraftFinding | null {
  // A table whose unit is not read (no 单位 line found) cannot be set against one whose unit is:
  // 112.54 may be 万元 or 元.
  if ((a.rt.scale === null) !== (b.rt.scale === null)) return null;
  const sa = a.rt.scale ?? new Decimal(1);
  const sb = b.rt.scale ?? new Decimal(1);
  const va = a.figure.value.times(sa);
  const vb = b.figure.value.times(sb);
  const diff = vb.minus(va);
  if (diff.isZero()) return null;
  // Tolerance in 元: each side's own rounding (½ of its last printed place, 0 when printed to the
  // 分) times the figures it is made of. |A − B| ≤ |A − X| + |X − B|; a figure printed as the total
  // of n rounded figures is within n·½·10^−d of the true X.
  const side = (q: Quantity, s: Decimal) => figureTolerance(q.figure.value, q.figure.decimals, q.rt.unit, !q.figure.blank).times(s).times(Math.max(q.items, 1));
  const tol = side(a, sa).plus(side(b, sb));
  const tolText = a.rt.unit === b.rt.unit ? show(tol.div(sa), Math.max(a.figure.decimals, b.figure.decimals) + 1) : `${show(tol, 3)} 元`;
  const rounding = diff.abs().lte(tol) && (a.items > 0 || b.items > 0 || a.rt.unit !== b.rt.unit);
  const unit = a.rt.unit === b.rt.unit ? '' : `（${a.rt.unit ?? '?'} / ${b.rt.unit ?? '?'}）`;
  const d = Math.max(a.figure.decimals, b.figure.decimals);
  const shownDiff = a.rt.unit === b.rt.unit ? show(diff.div(sa).abs(), d) : `${show(diff.abs(), 2)} 元`;
  // The copy in a summary table, or the one disagreeing with a detail table, is the suspect.
  const [suspect, reference] = b.derived && !a.derived ? [b, a] : a.derived && !b.derived ? [a, b] : [b, a];
  const refs = [refOf(suspect.figure, 'item'), refOf(reference.figure, 'item')];
  const subject = a.key.split('|')[3].replace(/^fn:|^ec:/, '');
  const measure = a.key.split('|')[1];
  // a table total of a part of 基本支出 is named by that part (人员经费合计), not by its row's word
  const part = PART_NAMES[measure];
  const what = subject === 'ALL' ? (part && /^(合计|总计)?$/.test(clean(a.label)) ? `${part}合计` : a.label) : `${subject} ${a.label}`.trim();
  if (rounding) {
    return {
      rule: 'rounding.tail',
      severity: 'info',
      message: `尾差：“${what}”在《${tableName(suspect.rt)}》为 ${suspect.figure.text}，在《${tableName(reference.rt)}》为 ${reference.figure.text}${unit}（差 ${shownDiff}，在汇总数四舍五入容差 ${tolText} 内）`,
      messageEn: `Rounding difference: “${what}” is ${suspect.figure.text} in ${tableName(suspect.rt)} and ${reference.figure.text} in ${tableName(reference.rt)} (difference ${shownDiff}, within the rounding tolerance ${tolText} of totals)`,
      expected: reference.figure.text,
      actual: suspect.figure.text,
      difference: shownDiff,
      refs,
    };
  }
  return {
    rule: 'cross-table.same-quantity',
    severity: 'error',
    message: `“${what}”在《${tableName(suspect.rt)}》为 ${suspect.figure.text}，在《${tableName(reference.rt)}》为 ${reference.figure.text}${unit}，同一数据应一致（差 ${shownDiff}）`,
    messageEn: `“${what}” is ${suspect.figure.text} in ${tableName(suspect.rt)} but ${reference.figure.text} in ${tableName(reference.rt)}; the same figure must agree (difference ${shownDiff})`,
    expected: reference.figure.text,
    actual: suspect.figure.text,
    difference: shownDiff,
    refs: [...refs, ...(suspect.extra ?? reference.extra ?? []).slice(0, 10).map((f) => refOf(f, 'item'))],
  };
}

/** A class a summary table lists with an amount but a detail table with class rows does not have. */
function missingClass(q: Quantity, detail: RecognizedTable, totalRow: CellFigure): DraftFinding {
  const code = q.key.split('|')[3].slice(3);
  return {
    rule: 'cross-table.same-quantity',
    severity: 'error',
    message: `《${tableName(q.rt)}》列“${q.label}” ${q.figure.text}，但《${tableName(detail)}》没有 ${code} 类科目（视为 0），同一数据应一致（差 ${q.figure.text}）`,
    messageEn: `${tableName(q.rt)} lists “${q.label}” ${q.figure.text} but ${tableName(detail)} has no class ${code} (read as 0); the same figure must agree`,
    expected: '0',
    actual: q.figure.text,
    difference: q.figure.text,
    refs: [refOf(q.figure, 'item'), refOf(totalRow, 'total')],
  };
}

export const crossTableQuantities: Rule = {
  id: 'cross-table.same-quantity',
  family: 'cross-table',
  title: '同一数据在各表中一致',
  titleEn: 'The same quantity agrees in every table that shows it',
  check(ctx) {
    const alias = scopeAliases(ctx.tables);
    // A document holding the department's tables and then each unit's (部门 / 单位 copies) is split
    // into sections at each 收支总表: figures are compared within a section, and table by table
    // across two sections (department vs its single unit must agree; with several units they add up).
    const section = new Map<RecognizedTable, number>();
    let current = -1;
    for (const rt of ctx.tables) {
      if (rt.type === 'IncomeExpenditureSummary') current++;
      section.set(rt, Math.max(0, current));
    }
    const sections = Math.max(1, current + 1);
    const all: Quantity[] = [];
    for (const rt of ctx.tables) {
      try {
        all.push(...quantitiesOf(rt, alias));
      } catch {
        // A table that cannot be read contributes nothing; the engine lists it as unchecked.
      }
    }
    const byKey = new Map<string, Quantity[]>();
    const put = (k: string, q: Quantity) => {
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(q);
    };
    for (const q of all) {
      put(`${section.get(q.rt)}#${q.key}`, q);
      if (sections === 2) put(`type:${q.rt.type}#${q.key}`, q);
    }
    const out: DraftFinding[] = [];
    for (const [, qs] of byKey) {
      // One figure per table (the first); detail tables first so they serve as the reference.
      const perTable = new Map<RecognizedTable, Quantity>();
      for (const q of qs) if (!perTable.has(q.rt)) perTable.set(q.rt, q);
      const list = [...perTable.values()].sort((x, y) => Number(x.derived) - Number(y.derived));
      for (let i = 1; i < list.length; i++) {
        const f = compare(list[0], list[i]);
        if (f) out.push(f);
      }
    }
    // (each table's quantities, and the first of each key in each section, looked up once)
    const ofTable = new Map<RecognizedTable, Quantity[]>();
    const firstIn = new Map<string, Quantity>();
    for (const q of all) {
      const own = ofTable.get(q.rt);
      if (own) own.push(q);
      else ofTable.set(q.rt, [q]);
      const k = `${section.get(q.rt)}#${q.rt.type}#${q.key}`;
      if (!firstIn.has(k)) firstIn.set(k, q);
    }
    // Classes present in a summary but absent from a detail table that lists classes of the same scope.
    for (const q of all) {
      if (!q.derived || !/\|fn:\d{3}$/.test(q.key) || q.figure.value.isZero()) continue;
      const [scope, measure, phase] = q.key.split('|');
      for (const rt of ctx.tables) {
        if (rt === q.rt || section.get(rt) !== section.get(q.rt)) continue;
        const own = ofTable.get(rt) ?? [];
        const mine = own.filter((o) => o.key.startsWith(`${scope}|${measure}|${phase}|fn:`) && /\|fn:\d{3}$/.test(o.key));
        if (mine.length === 0 || mine.some((o) => o.key === q.key) || mine.some((o) => o.derived)) continue;
        const total = own.find((o) => o.key === `${scope}|${measure}|${phase}|ALL`);
        if (total) out.push(missingClass(q, rt, total.figure));
      }
    }
    // Department and several units: the department's totals are the sum of its units' (a warning:
    // not every unit has to be published).
    if (sections >= 3) {
      for (const q of all) {
        if (section.get(q.rt) !== 0 || !q.key.endsWith('|ALL')) continue;
        const units: Quantity[] = [];
        for (let k = 1; k < sections; k++) {
          const u = firstIn.get(`${k}#${q.rt.type}#${q.key}`);
          if (u) units.push(u);
        }
        if (units.length !== sections - 1) continue;
        const scale = (x: Quantity) => x.rt.scale ?? new Decimal(1);
        const sum = units.reduce((acc, u) => acc.plus(u.figure.value.times(scale(u))), new Decimal(0));
        const mine = q.figure.value.times(scale(q));
        const diff = mine.minus(sum);
        const tolOf = (x: Quantity) => figureTolerance(x.figure.value, x.figure.decimals, x.rt.unit, !x.figure.blank).times(scale(x));
        const tol = units.reduce((acc, u) => acc.plus(tolOf(u)), tolOf(q));
        if (diff.abs().lte(tol)) continue;
        const terms = units.map((u) => u.figure.text).join(' + ');
        out.push({
          rule: 'cross-table.units',
          severity: 'warning',
          message: `部门《${tableName(q.rt)}》“${q.label}” ${q.figure.text} ≠ 各单位同表之和 ${show(sum.div(scale(q)), q.figure.decimals)}（${terms}）`,
          messageEn: `Department table ${tableName(q.rt)}: “${q.label}” ${q.figure.text} ≠ the sum over its units’ copies ${show(sum.div(scale(q)), q.figure.decimals)} (${terms})`,
          expected: show(sum.div(scale(q)), q.figure.decimals),
          actual: q.figure.text,
          difference: show(diff.div(scale(q)), q.figure.decimals),
          refs: [refOf(q.figure, 'total'), ...units.map((u) => refOf(u.figure, 'item'))],
        });
      }
    }
    return out;
  },
};
