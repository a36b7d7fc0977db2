/**
 * Where a narrative quantity is printed in the tables: the cells that hold 收支总计, 基本支出,
 * 人员经费, a 类/款/项 by code, a “三公” item … each converted to 万元 with its own rounding
 * half-unit (元 tables are exact). Used by the narrative-vs-table rules.
 */
import Decimal from 'decimal.js';
import { functionClassByName, normalizeName } from '../classification';
import type { NarrativeAmount, Quantity } from '../recognize/narrative';
import { parseNumbering } from '../recognize/codes';
import { projectNameCells } from '../recognize/statement';
import { cellValue, type Pane, type RecognizedRow, type RecognizedTable, type TableType } from '../recognize/tables';
import type { FindingRef } from '../report/types';
import { halfUnit } from '../recognize/reading/precision';
import { figureAt, refOf } from '../recognize/reading/support';

export interface TableFigure {
  /** Value in 万元. */
  wan: Decimal;
  /** Half a unit of the printed figure in 万元 (0 for 元 tables). */
  half: Decimal;
  text: string;
  refs: FindingRef[];
  table: RecognizedTable;
  /** e.g. `支出决算表“合计”行“基本支出”列`. */
  where: string;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/<\/?b>/g, '');

function plainLabel(row: RecognizedRow): string {
  let t = norm(row.label);
  const n = parseNumbering(t);
  if (n) t = t.slice(n.length);
  return t.replace(/^其中[:：]?/, '');
}

function scaleOf(rt: RecognizedTable): { factor: Decimal; exact: boolean } | null {
  if (rt.unit === '元') return { factor: new Decimal(1).div(10000), exact: true };
  if (rt.unit === '万元') return { factor: new Decimal(1), exact: false };
  return null;
}

function figure(rt: RecognizedTable, row: number, col: number, where: string): TableFigure | null {
  const s = scaleOf(rt);
  if (!s) return null;
  const f = figureAt(rt, row, col);
  if (!f) return null;
  return { wan: f.value.times(s.factor), half: s.exact ? new Decimal(0) : halfUnit(f.decimals), text: f.text || '（空）', refs: [refOf(f, 'item')], table: rt, where };
}

function sumFigures(parts: TableFigure[], where: string): TableFigure | null {
  if (parts.length === 0) return null;
  return {
    wan: parts.reduce((s, p) => s.plus(p.wan), new Decimal(0)),
    half: parts.reduce((s, p) => s.plus(p.half), new Decimal(0)),
    text: parts.map((p) => p.text).join(' + '),
    refs: parts.flatMap((p) => p.refs),
    table: parts[0].table,
    where,
  };
}

function title(rt: RecognizedTable): string {
  return rt.table.title || rt.table.id;
}

/** “本年支出合计”列: the column a comparison used, named by its header path (nothing when it has none). */
function columnName(rt: RecognizedTable, col: number): string {
  const path = rt.columns[col]?.path.filter(Boolean) ?? [];
  return path.length ? `“${path.join('/')}”列` : '';
}

/** The first amount column of a pane with one of the measures (or the first amount column). */
function mainColumn(rt: RecognizedTable, pane: Pane, phase?: 'budget' | 'final'): number | undefined {
  const cols = pane.amountCols.filter((c) => !phase || !rt.columns[c]?.phase || rt.columns[c]?.phase === phase);
  return cols.find((c) => rt.columns[c]?.measure === 'total' || rt.columns[c]?.measure === 'income') ?? cols[0];
}

function measureColumn(rt: RecognizedTable, pane: Pane, measure: string, fund?: string): number | undefined {
  return pane.amountCols.find((c) => rt.columns[c]?.measure === measure && (!fund || rt.columns[c]?.fund === fund));
}

function totalRow(pane: Pane): RecognizedRow | undefined {
  return pane.rows.find((r) => r.kind === 'total' && /^(合计|总计|本年支出合计|支出合计)$/.test(plainLabel(r))) ?? pane.rows.find((r) => r.kind === 'total');
}

/** Which money a table counts: its title says (财政拨款 / 一般公共预算 / 政府性基金 …), else its type. */
export function tableScope(rt: RecognizedTable): Quantity['scope'] {
  const t = norm(rt.table.title ?? '');
  if (/财政拨款/.test(t)) return 'fiscal';
  if (/一般公共预算/.test(t)) return 'general';
  if (/政府性基金/.test(t)) return 'fund';
  if (/国有资本经营/.test(t)) return 'capital';
  switch (rt.type) {
    case 'FiscalAppropriationSummary':
      return 'fiscal';
    case 'GeneralBudgetExpenditure':
    case 'GeneralBudgetBasicExpenditure':
      return 'general';
    case 'GovernmentFundExpenditure':
      return 'fund';
    case 'StateCapitalExpenditure':
      return 'capital';
    default:
      return 'all';
  }
}

/** Tables that count the same money as the narrative figure (measures meet only their own scope). */
function sameScope(tables: RecognizedTable[], scope: Quantity['scope']): RecognizedTable[] {
  return tables.filter((t) => tableScope(t) === scope);
}

function ofType(tables: RecognizedTable[], ...types: TableType[]): RecognizedTable[] {
  return tables.filter((t) => t.type !== null && types.includes(t.type));
}

function rowsLabelled(rt: RecognizedTable, re: RegExp, side?: 'income' | 'expenditure'): { pane: Pane; row: RecognizedRow }[] {
  const out: { pane: Pane; row: RecognizedRow }[] = [];
  for (const pane of rt.panes) {
    if (side && pane.side && pane.side !== side) continue;
    for (const row of pane.rows) if (re.test(plainLabel(row))) out.push({ pane, row });
  }
  return out;
}

/** The figure printed right of a label: the first amount column after the pane's label column. */
function valueRightOf(rt: RecognizedTable, pane: Pane, row: RecognizedRow): number | undefined {
  const labelCol = Math.max(...pane.labelCols, ...pane.codeCols, -1);
  // never past another pane's label that this row fills: a two-sided table's row holds another item there
  // (收入 “政府性基金预算” blank | 支出 “单位预留机动经费” 1685.72); a total's merged row leaves it blank
  const next = Math.min(
    ...rt.panes
      .filter((p) => p !== pane)
      .flatMap((p) => [...p.labelCols, ...p.codeCols])
      .filter((c) => c > labelCol && cellValue(rt.table, row.row, c).kind !== 'blank'),
    Infinity,
  );
  const cols = rt.columns.filter((c) => c.role === 'amount' && c.index > labelCol && c.index < next).map((c) => c.index);
  const within = cols.filter((c) => pane.amountCols.includes(c));
  for (const c of [...within, ...cols].slice(0, 4)) {
    const v = cellValue(rt.table, row.row, c);
    if (v.kind === 'number') return c;
  }
  return within[0];
}

function byLabel(tables: RecognizedTable[], re: RegExp, side?: 'income' | 'expenditure', fund?: string): TableFigure[] {
  const out: TableFigure[] = [];
  for (const rt of tables) {
    for (const { pane, row } of rowsLabelled(rt, re, side)) {
      const col = fund ? pane.amountCols.find((c) => rt.columns[c]?.fund === fund) : mainColumn(rt, pane) ?? valueRightOf(rt, pane, row);
      const pick = col !== undefined && cellValue(rt.table, row.row, col).kind === 'number' ? col : fund ? col : valueRightOf(rt, pane, row);
      if (pick === undefined) continue;
      const f = figure(rt, row.row, pick, `${title(rt)}“${plainLabel(row)}”行${columnName(rt, pick)}`);
      if (f) out.push(f);
      break;
    }
  }
  return out;
}

function byCodes(tables: RecognizedTable[], codes: string[], measure?: string): TableFigure[] {
  const out: TableFigure[] = [];
  for (const rt of tables) {
    for (const pane of rt.panes) {
      const parts: TableFigure[] = [];
      for (const code of codes) {
        const row = pane.rows.find((r) => r.code?.code === code);
        const col = measure ? measureColumn(rt, pane, measure) : mainColumn(rt, pane, 'final');
        if (!row || col === undefined) continue;
        const f = figure(rt, row.row, col, `${title(rt)}“${code}”行${columnName(rt, col)}`);
        if (f) parts.push(f);
      }
      if (parts.length === codes.length) {
        const f = parts.length === 1 ? parts[0] : sumFigures(parts, `${title(rt)}“${codes.join('+')}”`);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

/**
 * The code a 类（）款（）项（） path names, read from the tables' own rows (code → printed name): the
 * most specific level named, when exactly one coded row carries that name under the named 款 and 类.
 */
export function codeOfPathInTables(path: NonNullable<Quantity['path']>, tables: RecognizedTable[]): string | null {
  const names = new Map<string, Set<string>>();
  for (const rt of tables) {
    for (const pane of rt.panes) {
      for (const row of pane.rows) {
        const c = row.code;
        if (!c || !/^2\d{2}(\d{2}){0,2}$/.test(c.code)) continue;
        const name = normalizeName(plainLabel(row).replace(/^[\d\s]+/, '').replace(new RegExp(`^${c.code}`), ''));
        if (!name) continue;
        if (!names.has(c.code)) names.set(c.code, new Set());
        names.get(c.code)!.add(name);
      }
    }
  }
  const has = (code: string, text: string) => names.get(code)?.has(normalizeName(text)) ?? false;
  const cls = functionClassByName(path.classText)?.code ?? null;
  const fits = (code: string) => {
    if (cls && code.slice(0, 3) !== cls) return false;
    if (!cls && !has(code.slice(0, 3), path.classText)) return false;
    if (path.sectionText && code.length >= 5 && !has(code.slice(0, 5), path.sectionText)) return false;
    return true;
  };
  const level = path.itemText ? 7 : path.sectionText ? 5 : 3;
  const leaf = path.itemText ?? path.sectionText ?? path.classText;
  const found = [...names.keys()].filter((code) => code.length === level && has(code, leaf) && fits(code));
  return found.length === 1 ? found[0] : null;
}

function byMeasure(tables: RecognizedTable[], measure: string, fund?: string): TableFigure[] {
  const out: TableFigure[] = [];
  for (const rt of tables) {
    for (const pane of rt.panes) {
      const col = measureColumn(rt, pane, measure, fund);
      const row = totalRow(pane);
      if (col === undefined || !row) continue;
      const f = figure(rt, row.row, col, `${title(rt)}“${plainLabel(row)}”行“${rt.columns[col].path.join('/')}”列`);
      if (f) out.push(f);
    }
  }
  return out;
}

const THREE_PUBLIC: Record<string, RegExp> = {
  'three-public': /合计|“?三公”?经费$/,
  abroad: /因公出国/,
  vehicle: /公务用车购置及运行/,
  'vehicle-purchase': /公务用车购置费/,
  'vehicle-operation': /公务用车运行/,
  reception: /公务接待/,
};

/**
 * Last year's “三公” figure where the table prints it as its own dated row (2022年预算数 above 2023年
 * 预算数, or a row labelled 上年): the base a 预算's 比上年增加/减少 is told against.
 */
export function threePublicLastYear(tables: RecognizedTable[], key: string, year: number | null): TableFigure[] {
  if (year === null || !(key in THREE_PUBLIC)) return [];
  const out: TableFigure[] = [];
  for (const rt of ofType(tables, 'ThreePublicExpenses')) {
    const cols = rt.columns.filter((c) => c.role === 'amount' && !c.path.some((p) => /上年|上一年|20\d{2}\s*年/.test(p)));
    const col = cols.find((c) => {
      const path = c.path.map(norm).filter((p) => !/^(预算数|决算数|预算|决算)$/.test(p));
      const leaf = path[path.length - 1] ?? '';
      if (key === 'three-public') return /合计/.test(leaf) && !/因公|公务/.test(path.slice(1).join('/'));
      if (key === 'vehicle') return /公务用车购置及运行/.test(path.join('/')) && (/小计/.test(leaf) || /公务用车购置及运行/.test(leaf));
      return THREE_PUBLIC[key].test(leaf);
    });
    if (!col) continue;
    for (const pane of rt.panes) {
      if (!pane.amountCols.includes(col.index)) continue;
      const rows = pane.rows.filter((r) => r.kind !== 'blank' && figureAt(rt, r.row, col.index) !== null);
      // both years as rows, else nothing (a table of this year only says nothing of last year)
      const current = rows.filter((r) => new RegExp(`${year}\\s*年`).test(r.label));
      const last = rows.filter((r) => new RegExp(`${year - 1}\\s*年`).test(r.label) || /^上年/.test(norm(r.label)));
      if (current.length !== 1 || last.length !== 1) continue;
      const f = figure(rt, last[0].row, col.index, `${title(rt)}“${norm(last[0].label)}”行“${col.path.join('/')}”列`);
      if (f) out.push(f);
    }
  }
  return out;
}

function threePublic(tables: RecognizedTable[], key: string, phase: 'budget' | 'final' | null, year: number | null): TableFigure[] {
  const out: TableFigure[] = [];
  for (const rt of ofType(tables, 'ThreePublicExpenses')) {
    const earlier = (p: string) => year !== null && [...p.matchAll(/(20\d{2})\s*年/g)].some((m) => Number(m[1]) < year);
    const cols = rt.columns.filter((c) => c.role === 'amount' && (phase === null || !c.phase || c.phase === phase) && !c.path.some((p) => /上年|上一年/.test(p) || earlier(p)));
    const match = (c: (typeof cols)[number]) => {
      const path = c.path.map(norm).filter((p) => !/^(预算数|决算数|预算|决算)$/.test(p));
      const leaf = path[path.length - 1] ?? '';
      const own = path.slice(1).join('/');
      if (key === 'three-public') return /合计/.test(leaf) && !/因公|公务/.test(own);
      if (key === 'vehicle') return /公务用车购置及运行/.test(path.join('/')) && (/小计/.test(leaf) || /公务用车购置及运行/.test(leaf));
      return THREE_PUBLIC[key].test(leaf);
    };
    // Two columns of that name (预算数 | 决算数 halves whose own header was lost): which one the text
    // means is not certain, so the statement meets neither.
    const matching = cols.filter(match);
    if (matching.length !== 1) continue;
    const col = matching[0];
    for (const pane of rt.panes) {
      if (!pane.amountCols.includes(col.index)) continue;
      // rows per year (2024年预算数 / 2025年预算数): the report year's row; never 上年
      const rows = pane.rows.filter((r) => r.kind !== 'blank' && figureAt(rt, r.row, col.index) !== null && !/上年|上一年/.test(r.label));
      const dated = rows.filter((r) => /20\d{2}\s*年/.test(r.label));
      const row = dated.length > 0 ? dated.find((r) => year !== null && new RegExp(`${year}\\s*年`).test(r.label)) : rows[0];
      if (!row) continue;
      const f = figure(rt, row.row, col.index, `${title(rt)}${rows.length > 1 ? `“${norm(row.label)}”行` : ''}“${col.path.join('/')}”列`);
      if (f) out.push(f);
    }
  }
  return out;
}

export interface Lookup {
  figures: TableFigure[];
  /** The link rests on a printed code or a named total (strong) rather than a name (weak). */
  strong: boolean;
  /**
   * The text does not say which money it counts and the tables of different scopes print different
   * figures (or only scoped tables print it): an equal figure confirms the text, a different one
   * proves nothing.
   */
  ambiguous?: boolean;
}

const CACHE = new WeakMap<RecognizedTable[], Map<string, Lookup>>();

/** Table figures for a narrative quantity; empty when the tables do not print it. */
export function tableFiguresFor(q: Quantity, tables: RecognizedTable[], kind: 'budget' | 'final' | 'unknown', year: number | null = null): Lookup {
  if (q.key === 'unknown') return { figures: [], strong: false };
  let cache = CACHE.get(tables);
  if (!cache) CACHE.set(tables, (cache = new Map()));
  const key = `${q.key}|${q.codes.join('+')}|${q.path ? JSON.stringify(q.path) : ''}|${q.codeFromText}|${q.byName}|${q.measure}|${q.scope}|${q.role}|${kind}|${year}|${q.key === 'expenditure' || q.key === 'income' ? q.label : ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = lookup(q, tables, kind, year);
  cache.set(key, found);
  return found;
}

function lookup(q: Quantity, tables: RecognizedTable[], kind: 'budget' | 'final' | 'unknown', year: number | null): Lookup {
  const none: Lookup = { figures: [], strong: false };
  if (q.role === 'last-year') return none;
  const phase: 'budget' | 'final' | null = kind === 'final' ? (q.role === 'budget' ? 'budget' : 'final') : null;
  // in a 决算, budget figures are only printed in the “三公” table
  if (kind === 'final' && q.role === 'budget' && !['three-public', 'abroad', 'vehicle', 'vehicle-purchase', 'vehicle-operation', 'reception'].includes(q.key)) return none;
  const general = q.scope === 'general';
  switch (q.key) {
    case 'function':
    case 'economic': {
      if (q.codes.length === 0 && q.path) {
        // a path the 科目 list here does not hold: the code the tables print under those names
        const code = codeOfPathInTables(q.path, tables);
        if (!code) return none;
        q = { ...q, codes: [code] };
      }
      if (q.codes.length === 0) return none;
      // a figure whose text names its scope (财政拨款, 一般公共预算 …) meets only tables of that scope; one
      // whose text does not (its section may) meets any table, but a difference is only its own when
      // an all-funds table prints the code and every table agrees (else the scope decides: abstain)
      const candidates = general ? ofType(tables, 'GeneralBudgetExpenditure', 'GeneralBudgetBasicExpenditure') : tables.filter((t) => t.type !== 'PerformanceTarget');
      const pool = q.scope === 'all' ? candidates : sameScope(candidates, q.scope);
      let figures = byCodes(pool, q.codes, q.measure);
      if (q.scope === 'all' && figures.length > 0) {
        const values = new Set(figures.map((f) => f.wan.toString()));
        const allFunds = figures.some((f) => tableScope(f.table) === 'all');
        if (values.size > 1 || !allFunds) return { figures, strong: false, ambiguous: true };
      }
      if (figures.length === 0 && q.key === 'function' && q.codes.length === 1 && q.codes[0].length === 3) {
        // a class with no coded row: the 收支总表 line that names it
        const cls = functionClassByName;
        figures = [];
        for (const rt of ofType(tables, 'IncomeExpenditureSummary', 'FiscalAppropriationSummary')) {
          for (const pane of rt.panes) {
            if (pane.side === 'income') continue;
            const row = pane.rows.find((r) => cls(plainLabel(r))?.code === q.codes[0]);
            const col = row ? (general ? pane.amountCols.find((c) => rt.columns[c]?.fund === 'general') ?? mainColumn(rt, pane) : mainColumn(rt, pane)) : undefined;
            if (row && col !== undefined) {
              const f = figure(rt, row.row, col, `${title(rt)}“${plainLabel(row)}”行${columnName(rt, col)}`);
              if (f) figures.push(f);
            }
          }
        }
      }
      return { figures, strong: q.codeFromText && !q.byName };
    }
    case 'total': {
      if (q.scope === 'fund' || q.scope === 'capital') return none;
      const pool = q.scope === 'fiscal' || general ? ofType(tables, 'FiscalAppropriationSummary') : ofType(tables, 'IncomeExpenditureSummary');
      // 一般公共预算's 收支总计 is that fund's column of the 财政拨款收支总表, never its all-funds 总计
      return { figures: byLabel(pool, /^(收入总计|支出总计|总计)$/, undefined, general ? 'general' : undefined), strong: true };
    }
    case 'income-total': {
      if (q.scope !== 'all') return none;
      return { figures: byLabel(ofType(tables, 'IncomeExpenditureSummary'), /^(本年收入合计|收入合计)$/, 'income'), strong: true };
    }
    case 'expenditure-total': {
      if (q.scope !== 'all') return none;
      return { figures: [...byLabel(sameScope(ofType(tables, 'IncomeExpenditureSummary'), 'all'), /^(本年支出合计|支出合计)$/, 'expenditure'), ...byMeasure(sameScope(ofType(tables, 'ExpenditureSummary'), 'all'), 'total')], strong: true };
    }
    case 'income': {
      const pool = ofType(tables, 'IncomeExpenditureSummary', 'FiscalAppropriationSummary');
      if (q.scope === 'general') return { figures: byLabel(pool, /^一般公共预算/, 'income').slice(0, 1), strong: false };
      if (q.scope === 'fund') return { figures: byLabel(pool, /^政府性基金/, 'income').slice(0, 1), strong: false };
      if (q.scope === 'capital') return { figures: byLabel(pool, /^国有资本经营/, 'income').slice(0, 1), strong: false };
      if (q.scope === 'fiscal' && /财政拨款收入$/.test(norm(q.label).replace(/(预算|决算)(数)?(为|是)?$/, ''))) {
        // 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营: the aggregate row, else the sum of its parts
        // (never one part)
        const summaries = ofType(tables, 'IncomeExpenditureSummary');
        const whole = byLabel(summaries, /^(财政拨款(收入|资金)?|财政拨款收入(合计|小计))$/, 'income').slice(0, 1);
        if (whole.length) return { figures: whole, strong: false };
        for (const rt of summaries) {
          const part = (re: RegExp) => byLabel([rt], re, 'income')[0];
          const general = part(/^一般公共预算/);
          const fund = part(/^政府性基金/);
          const capital = part(/^国有资本经营/);
          if (!general || !fund) continue;
          const sum = sumFigures([general, fund, ...(capital ? [capital] : [])], `${title(rt)}“一般公共预算+政府性基金${capital ? '+国有资本经营' : ''}”`);
          if (sum) return { figures: [sum], strong: false };
        }
        return none;
      }
      return none;
    }
    case 'carry-over': {
      // 财政拨款's 上年结转 (its list or its words say 财政拨款): the 财政拨款收支总表's income row; a 决算
      // tells 年初结转和结余, and an all-funds 上年结转 may count other money
      if (q.scope !== 'fiscal' || kind === 'final') return none;
      return { figures: byLabel(ofType(tables, 'FiscalAppropriationSummary'), /^上年结转$/, 'income').slice(0, 1), strong: false };
    }
    case 'expenditure': {
      if (q.scope === 'fiscal' && !q.codes.length && /^(\d{4}年度?)?(本部门|本单位)?财政拨款支出(预算|决算)?(数)?(为|是)?$/.test(norm(q.label).replace(/^(支出)?(包括|其中|分别为|主要为)[：:]?/, ''))) {
        // 财政拨款支出 = 一般公共预算 + 政府性基金 + 国有资本经营: the 财政拨款收支总表's year total (or
        // its 总计, which holds it when nothing is carried into next year); never one fund's column
        const pool = ofType(tables, 'FiscalAppropriationSummary');
        return { figures: [...byLabel(pool, /^(本年支出合计|支出合计)$/, 'expenditure'), ...byLabel(pool, /^(支出总计|总计)$/, 'expenditure')], strong: false };
      }
      // “2022年支出预算X” names the whole year's expenditure (all funds): the 支出合计
      // (dated by its own label: a bare “支出决算为X” after a 项's name is that 项's, not the whole)
      if (q.scope === 'all' && !q.codes.length && /^20\d{2}年度?(本部门|本单位|我部门|我单位)?支出(预算|决算)$/.test(norm(q.label))) return lookup({ ...q, key: 'expenditure-total' }, tables, kind, year);
      if (!(general || q.scope === 'fiscal' || q.scope === 'fund') || q.codes.length) return none;
      // only “一般公共预算（财政拨款）支出” itself, not one of its items (培训费预算支出 …)
      // (a list's connectors are not words of the name: 支出包括一般公共预算支出 / 和一般公共预算支出)
      const rest = norm(q.label).replace(/^[（(]?\d{1,2}[)）.．、]/, '').replace(/^(支出)?(包括|其中|分别为|主要为)[：:]?|^(和|及|以及|、)/, '').replace(/20\d{2}年度?|本部门|本单位|我部门|我单位|当年|本年度?|一般公共预算|政府性基金|财政拨款|拨款|支出|预算|决算|数|为|是|年初|安排|共计|合计|[（）()“”]/g, '');
      if (rest.length > 0) return none;
      if (q.scope === 'fiscal') {
        // 财政拨款支出: the 财政拨款收支总表's 本年支出 (合计 column; 结转下年 is not spent this year)
        return { figures: byLabel(ofType(tables, 'FiscalAppropriationSummary'), /^(本年支出合计|本年支出|支出合计)$/, 'expenditure').slice(0, 1), strong: false };
      }
      if (q.scope === 'fund') {
        return {
          figures: [...byMeasure(ofType(tables, 'GovernmentFundExpenditure'), 'total'), ...byLabel(ofType(tables, 'FiscalAppropriationSummary'), /^(本年支出合计|本年支出|支出合计)$/, 'expenditure', 'fund')],
          strong: false,
        };
      }
      const figures = [
        ...byMeasure(ofType(tables, 'GeneralBudgetExpenditure'), 'total'),
        ...byLabel(ofType(tables, 'FiscalAppropriationSummary'), /^(本年支出合计|支出合计)$/, 'expenditure', 'general'),
      ];
      return { figures, strong: false };
    }
    case 'basic':
    case 'project': {
      const pool = general ? ofType(tables, 'GeneralBudgetExpenditure') : q.scope === 'all' ? ofType(tables, 'ExpenditureSummary') : [];
      return { figures: byMeasure(pool, q.key), strong: true };
    }
    case 'personnel':
    case 'public': {
      const label = q.key === 'personnel' ? /^人员经费(合计)?$/ : /^公用经费(合计)?$/;
      const pool = ofType(tables, 'GeneralBudgetBasicExpenditure');
      const figures = [...byLabel(pool, label), ...byMeasure(pool, q.key)];
      if (q.scope === 'all' && kind !== 'final') figures.push(...byMeasure(ofType(tables, 'ExpenditureSummary'), q.key));
      return { figures, strong: true };
    }
    case 'three-public':
    case 'abroad':
    case 'vehicle':
    case 'vehicle-purchase':
    case 'vehicle-operation':
    case 'reception':
      return { figures: threePublic(tables, q.key, phase, year), strong: true };
    case 'operation-cost':
      return { figures: [...byMeasure(ofType(tables, 'OperatingCost'), 'total'), ...byLabel(ofType(tables, 'OperatingCost'), /^合计$/)], strong: true };
    default:
      return none;
  }
}

/**
 * A project named in the text, where a 项目支出表 lists it: the row whose name (its name cell, or
 * its whole label) is exactly the project's, when one table row in all carries it (its 合计
 * column, else its first amount).
 */
export function projectFigures(name: string, tables: RecognizedTable[]): TableFigure[] {
  const want = norm(name);
  const found: TableFigure[] = [];
  for (const rt of ofType(tables, 'ProjectExpenditure')) {
    for (const pane of rt.panes) {
      for (const row of pane.rows) {
        // (its name cell, or the whole label: the 项目单位 printed beside the name is no part of it)
        const named = plainLabel(row) === want || projectNameCells(rt, pane, row).includes(want);
        if (row.kind !== 'data' || !named) continue;
        const col = mainColumn(rt, pane) ?? valueRightOf(rt, pane, row);
        if (col === undefined) continue;
        const f = figure(rt, row.row, col, `${title(rt)}“${plainLabel(row)}”行${columnName(rt, col)}`);
        if (f) found.push(f);
      }
    }
  }
  return found.length === 1 ? found : [];
}

/** How a narrative figure (in 万元, shown to `decimals` places) compares with a table figure. */
export function compareToTable(value: Decimal, decimals: number, half: Decimal, f: TableFigure): 'equal' | 'rounding' | 'mismatch' {
  if (f.wan.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).eq(value) || f.wan.eq(value)) return 'equal';
  return f.wan.minus(value).abs().lte(half.plus(f.half)) ? 'rounding' : 'mismatch';
}


/**
 * Whether a list of coded items (其中：行政运行（2010101）…；住房公积金（2210201）…) names every 科目 the
 * tables print: the first pane that holds every listed code, whose total row equals the list's total
 * (the same money), and its rows of the same system and level the list leaves out (zero rows aside).
 */
export function codedListRows(codes: string[], total: Decimal, totalHalf: Decimal, tables: RecognizedTable[]): { total: TableFigure; unlisted: TableFigure[] } | null {
  const level = codes[0]?.length;
  if (!level || codes.some((c) => c.length !== level || c[0] !== codes[0][0])) return null;
  for (const rt of tables) {
    if (rt.type === 'PerformanceTarget') continue;
    for (const pane of rt.panes) {
      const col = mainColumn(rt, pane, 'final');
      const tr = totalRow(pane);
      if (col === undefined || !tr || !codes.every((c) => pane.rows.some((r) => r.code?.code === c))) continue;
      const whole = figure(rt, tr.row, col, `${title(rt)}“${plainLabel(tr)}”行${columnName(rt, col)}`);
      if (!whole || whole.wan.minus(total).abs().gt(whole.half.plus(totalHalf))) continue;
      const unlisted: TableFigure[] = [];
      for (const r of pane.rows) {
        const code = r.code?.code;
        if (!code || code.length !== level || code[0] !== codes[0][0] || codes.includes(code)) continue;
        const f = figure(rt, r.row, col, `${title(rt)}“${code} ${plainLabel(r).replace(code, '')}”行${columnName(rt, col)}`);
        if (f && !f.wan.isZero()) unlisted.push(f);
      }
      return { total: whole, unlisted };
    }
  }
  return null;
}
