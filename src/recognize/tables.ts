/**
 * Recognition of rebuilt tables: type and unit, header paths, column roles (label, code, amount),
 * panes (the sides of a two-sided 收支总表, the three blocks of 公开06表), row kinds (data, totals,
 * 其中, unit groups) with their function/economic codes and numbering, and the aggregate columns
 * with the columns they add up. Pure and total: a table it cannot read yields fewer facts, never a throw.
 */
import Decimal from 'decimal.js';
import type { Table, TableCell } from '../layout/types';
import { parseValue, type ParsedValue } from '../values/parse';
import { functionClassByName, joinCodeParts, leadingCode, parseNumbering, parseSubjectCode, type CodeKind, type Numbering, type SubjectCode } from './codes';
import { tableTypeFromHeaders, tableTypeFromTitle, type TableType } from './table-types';

export type { TableType } from './table-types';

export type ColumnRole = 'label' | 'code' | 'unitCode' | 'rowNumber' | 'amount' | 'note';
/** What an amount column measures, from its header path. */
export type Measure = 'total' | 'basic' | 'project' | 'personnel' | 'public' | 'income' | 'carryIn' | 'carryOut' | 'expenditure';
export type Fund = 'general' | 'fund' | 'capital';

export interface RecognizedColumn {
  index: number;
  /** Header path, top row first, repeated spans and 栏次 numbers removed. */
  path: string[];
  role: ColumnRole;
  /** For code columns: what they hold; `class`/`section`/`item` when 类/款/项 are split over columns. */
  codePart?: 'full' | 'class' | 'section' | 'item';
  codeKind?: CodeKind;
  measure?: Measure;
  /** 预算数 / 决算数 when the header says so. */
  phase?: 'budget' | 'final';
  fund?: Fund;
  /** Decimals most cells of this column are printed with. */
  decimals: number;
  /** No body cell of this column holds anything. */
  empty?: boolean;
  /** The year its header names (2025年预算数 | 2026年预算数 side by side), when it names one. */
  year?: number;
}

export type RowKind = 'data' | 'total' | 'ofWhich' | 'group' | 'blank';

export interface RecognizedRow {
  /** Index into `table.rows`. */
  row: number;
  /** The row's text in this pane (label and name cells joined), numbering kept. */
  label: string;
  code: SubjectCode | null;
  numbering: Numbering | null;
  kind: RowKind;
  /** The code was read from the row's class name, not printed (a list of names without codes). */
  codeFromName?: boolean;
}

/** A side of a table: its own label/code columns, amount columns and rows. */
export interface Pane {
  index: number;
  columns: number[];
  labelCols: number[];
  codeCols: number[];
  amountCols: number[];
  rows: RecognizedRow[];
  /** Header words shared by the pane's columns (e.g. 收入, 支出). */
  side: 'income' | 'expenditure' | null;
}

export interface ColumnAggregate {
  total: number;
  parts: number[];
}

export interface RecognizedTable {
  table: Table;
  type: TableType | null;
  unit: '元' | '万元' | null;
  /** Multiplier from the printed unit to 元 (1 or 10000); null when unknown. */
  scale: Decimal | null;
  /** Rows of `table.rows` that are headers (layout's plus 栏次 / header rows it left in the body). */
  headerRows: number;
  columns: RecognizedColumn[];
  panes: Pane[];
  aggregates: ColumnAggregate[];
}

const AGGREGATE = /(合计|小计|总计)/;
/** A header naming money: whole 元 under it (39955) are amounts, however much they look like codes. */
const MONEY_HEADER = /费|支出|经费|小计|合计|总计|金额|预算数|决算数|收入/;
/** Header words of text columns (names, codes, notes), as opposed to amount columns. */
const LABEL_HEADER = /(项目|科目|名称|编码|代码|单位$|类型|说明|备注|简介|指标|内容|理由)/;
const normalCache = new Map<string, string>();
/** NFKC-folded text without spaces or <b> markup (memoised: cell texts repeat a lot). */
function NORMAL(s: string): string {
  let t = normalCache.get(s);
  if (t === undefined) {
    t = s.normalize('NFKC').replace(/\s+/g, '').replace(/<\/?b>/g, '');
    if (normalCache.size > 50_000) normalCache.clear();
    normalCache.set(s, t);
  }
  return t;
}

export function recognizeTables(tables: Table[]): RecognizedTable[] {
  return tables.map((table) => {
    try {
      return recognizeTable(table);
    } catch {
      return emptyRecognition(table);
    }
  });
}

function emptyRecognition(table: Table): RecognizedTable {
  return { table, type: null, unit: null, scale: null, headerRows: table.headerRows, columns: [], panes: [], aggregates: [] };
}

/** The cell that covers (r, c): the cell itself or the spanning cell above/left of it. */
export function ownerCell(table: Table, r: number, c: number): TableCell | null {
  const rows = table.rows;
  const direct = rows[r]?.[c];
  if (direct) return direct;
  for (let rr = r; rr >= 0 && rr >= r - 40; rr--) {
    for (let cc = c; cc >= 0 && cc >= c - 40; cc--) {
      const cell = rows[rr]?.[cc];
      if (cell) {
        if (rr + cell.rowSpan > r && cc + cell.colSpan > c) return cell;
        if (rr === r) break;
      }
    }
  }
  return null;
}

export function cellText(table: Table, r: number, c: number): string {
  return table.rows[r]?.[c]?.text ?? '';
}

const valueCache = new WeakMap<TableCell, ParsedValue>();
/** The parsed value of the cell at (r, c) itself (covered positions read as blank). */
export function cellValue(table: Table, r: number, c: number): ParsedValue {
  const cell = table.rows[r]?.[c];
  if (!cell) return { kind: 'blank', value: new Decimal(0), decimals: 0, text: '' };
  let v = valueCache.get(cell);
  if (!v) {
    v = parseValue(cell.text.replace(/<\/?b>/g, ''));
    valueCache.set(cell, v);
  }
  return v;
}

function isAmountLike(v: ParsedValue): boolean {
  return v.kind === 'number' && (v.decimals > 0 || v.text.includes(','));
}

/** Placeholders printed in the 栏次 row over text columns: `**`, `*`, `甲`, `乙`, `—`. */
const COLUMN_NUMBER_MARK = /^([*＊]+|[甲乙丙丁]|[—–-]+)$/;

/** Rows that are all consecutive small integers (栏次 1 2 3 …, marks over the text columns aside) or start with 栏次/行次. */
function isColumnNumberRow(table: Table, r: number): boolean {
  const row = table.rows[r];
  if (!row) return false;
  const texts = row.map((c) => (c ? NORMAL(c.text) : '')).filter((t) => t !== '' && !COLUMN_NUMBER_MARK.test(t));
  if (texts.length === 0) return false;
  if (texts.some((t) => /^(栏次|行次)$/.test(t))) return texts.every((t) => /^(栏次|行次|\d{1,2})$/.test(t));
  if (!texts.every((t) => /^\d{1,2}$/.test(t))) return false;
  const nums = texts.map(Number);
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

function looksLikeBodyLabel(t: string): boolean {
  return !!parseNumbering(t) || /^(合计|总计|小计)$/.test(t) || !!parseSubjectCode(t) || /^其中/.test(t);
}

/** Layout's header rows, extended over text-only rows and 栏次 rows left at the top of the body. */
function hasNumberRow(table: Table, from: number): boolean {
  for (let r = from; r < Math.min(table.rows.length, from + 8); r++)
    if (table.rows[r].some((c) => c && isAmountLike(parseValue(NORMAL(c.text))))) return true;
  return false;
}

function effectiveHeaderRows(table: Table): number {
  let h = Math.max(0, Math.min(table.headerRows, table.rows.length));
  // Only tables whose figures start a little further down have header rows left in the body.
  if (!hasNumberRow(table, h)) return h;
  for (let extra = 0; extra < 5 && h < table.rows.length; extra++) {
    if (isColumnNumberRow(table, h)) {
      h++;
      continue;
    }
    const row = table.rows[h];
    const texts = row.map((c) => (c ? NORMAL(c.text) : '')).filter((t) => t !== '');
    if (texts.length === 0) break;
    const numeric = texts.some((t) => {
      const v = parseValue(t);
      return v.kind === 'number' || v.kind === 'percent';
    });
    if (numeric) break;
    const first = row.find((c) => c && NORMAL(c.text));
    if (first && looksLikeBodyLabel(NORMAL(first.text)) && texts.length < 3) break;
    // A header row only when the layout found no header at all or the row sits under a spanning header.
    if (h === 0 || texts.every((t) => t.length <= 14)) h++;
    else break;
  }
  return h;
}

/** A column whose own header cell says 行次 / 栏次 (left out of its path, see headerPath). */
function headedAsRowNumber(table: Table, headerRows: number, c: number, numberRows: boolean[]): boolean {
  for (let r = 0; r < headerRows; r++) {
    // (栏次 heading the row of column numbers names that row, not its column)
    if (numberRows[r]) continue;
    const cell = table.rows[r]?.[c];
    if (cell && cell.colSpan === 1 && /^(栏次|行次)$/.test(NORMAL(cell.text))) return true;
  }
  return false;
}

function headerPath(table: Table, headerRows: number, c: number, numberRows: boolean[]): string[] {
  const path: string[] = [];
  for (let r = 0; r < headerRows; r++) {
    if (numberRows[r]) continue;
    const cell = ownerCell(table, r, c);
    const t = cell ? NORMAL(cell.text) : '';
    if (!t || /^(栏次|行次)$/.test(t)) continue;
    if (path[path.length - 1] !== t) path.push(t);
  }
  return path;
}

function unitOf(table: Table): { unit: '元' | '万元' | null; scale: Decimal | null } {
  const u = NORMAL(table.unit ?? '');
  if (/万元/.test(u)) return { unit: '万元', scale: new Decimal(10000) };
  if (/元/.test(u)) return { unit: '元', scale: new Decimal(1) };
  const hdr = NORMAL(table.columnHeaders.flat().join('|'));
  if (/\(万元\)|（万元）/.test(hdr)) return { unit: '万元', scale: new Decimal(10000) };
  return { unit: null, scale: null };
}

function measureOf(path: string[]): Measure | undefined {
  const leaf = path[path.length - 1] ?? '';
  const all = path.join('›');
  if (/年初|上年结转/.test(leaf)) return 'carryIn';
  if (/年末|结转下年/.test(leaf)) return 'carryOut';
  if (/人员经费/.test(leaf)) return 'personnel';
  if (/公用经费/.test(leaf)) return 'public';
  if (/基本支出/.test(leaf) || (AGGREGATE.test(leaf) && /基本支出/.test(path[path.length - 2] ?? ''))) return 'basic';
  if (/(项目|专项业务经费)支出/.test(leaf) || (AGGREGATE.test(leaf) && /项目支出/.test(path[path.length - 2] ?? ''))) return 'project';
  if (AGGREGATE.test(leaf) && /本年收入/.test(all)) return 'income';
  if (/本年收入合计/.test(leaf)) return 'income';
  if (AGGREGATE.test(leaf) || /^(本年支出合计|金额|预算数|决算数|项目金额|资金总额)$/.test(leaf)) return 'total';
  return undefined;
}

function fundOf(path: string[]): Fund | undefined {
  const all = path.join('›');
  if (/其中/.test(path[path.length - 1] ?? '')) return undefined;
  if (/政府性基金/.test(all)) return 'fund';
  if (/国有资本/.test(all)) return 'capital';
  if (/一般公共预算/.test(all)) return 'general';
  return undefined;
}

function phaseOf(path: string[]): 'budget' | 'final' | undefined {
  const all = path.join('›');
  if (/决算数/.test(all)) return 'final';
  if (/预算数/.test(all) && !/决算/.test(all)) return 'budget';
  return undefined;
}

function classifyColumns(table: Table, headerRows: number): RecognizedColumn[] {
  const width = table.rows[0]?.length ?? 0;
  const columns: RecognizedColumn[] = [];
  const numberRows = Array.from({ length: headerRows }, (_, r) => isColumnNumberRow(table, r));
  for (let c = 0; c < width; c++) {
    const path = headerPath(table, headerRows, c, numberRows);
    const head = path.join('›');
    let numbers = 0;
    let amounts = 0;
    let texts = 0;
    let codes = 0;
    let ints: number[] = [];
    const decimals = new Map<number, number>();
    for (let r = headerRows; r < table.rows.length; r++) {
      const cell = table.rows[r][c];
      if (!cell) continue;
      const t = NORMAL(cell.text);
      if (!t) continue;
      const v = cellValue(table, r, c);
      if (v.kind === 'number') {
        numbers++;
        if (isAmountLike(v)) amounts++;
        decimals.set(v.decimals, (decimals.get(v.decimals) ?? 0) + 1);
        if (parseSubjectCode(t) || /^\d{2}$/.test(t)) codes++;
        if (/^\d{1,3}$/.test(t)) ints.push(Number(t));
      } else if (v.kind === 'dash' || v.kind === 'percent') {
        numbers++;
      } else texts++;
    }
    let decimalsMode = 2;
    let best = -1;
    for (const [d, n] of decimals) if (n > best) [best, decimalsMode] = [n, d];
    const col: RecognizedColumn = { index: c, path, role: 'label', decimals: decimalsMode };
    const leaf = path[path.length - 1] ?? '';
    if (/备注|说明|简介|理由|指标/.test(leaf) && !/金额/.test(leaf)) col.role = 'note';
    else if (/单位(代码|编码)/.test(leaf)) col.role = 'unitCode';
    else if (/^(行次|序号|栏次)$/.test(leaf) || (texts === 0 && numbers > 0 && headedAsRowNumber(table, headerRows, c, numberRows))) col.role = 'rowNumber';
    else if (/^(类|款|项)$/.test(leaf) && /编码|科目/.test(head)) {
      col.role = 'code';
      col.codePart = leaf === '类' ? 'class' : leaf === '款' ? 'section' : 'item';
      col.codeKind = /经济/.test(head) ? 'economic' : /功能/.test(head) ? 'function' : undefined;
    } else if (/编码|代码/.test(leaf) || (codes > 0 && codes === numbers && texts === 0 && amounts === 0 && numbers >= 2 && !MONEY_HEADER.test(path.join('')))) {
      col.role = 'code';
      col.codePart = 'full';
      col.codeKind = /经济/.test(head) ? 'economic' : /功能/.test(head) ? 'function' : undefined;
    } else if (numbers > 0 && texts === 0) {
      // Consecutive small integers with no decimals anywhere: a 行次 column printed without header.
      const consecutive = ints.length === numbers && ints.length >= 3 && ints.every((n, i) => i === 0 || n === ints[i - 1] + 1);
      col.role = consecutive && amounts === 0 ? 'rowNumber' : 'amount';
    } else if (numbers > 0 && texts > 0 && amounts >= 2 * texts && amounts >= 2) {
      col.role = 'amount';
    } else if (numbers === 0 && texts === 0 && path.length && (!LABEL_HEADER.test(leaf) || measureOf(path))) {
      col.role = 'amount'; // an amount column left blank in every row (项目支出 names an amount, not a label)
    }
    if (numbers === 0 && texts === 0) col.empty = true;
    if (col.role === 'amount') {
      col.measure = measureOf(path);
      col.fund = fundOf(path);
      col.phase = phaseOf(path);
      const year = /((?:19|20)\d{2})年/.exec(path.join('›'));
      if (year) col.year = Number(year[1]);
    }
    columns.push(col);
  }
  markSplitCodes(table, headerRows, columns);
  return columns;
}

/** What a column's body cells are: 3-digit class codes, 2-digit fragments, or something else. */
function codeFragmentShape(table: Table, headerRows: number, c: number): 'class' | 'fragment' | null {
  let cls = 0;
  let frag = 0;
  for (let r = headerRows; r < table.rows.length; r++) {
    const t = NORMAL(cellText(table, r, c));
    if (!t) continue;
    if (/^\d{3}$/.test(t) && parseSubjectCode(t)) cls++;
    else if (/^\d{1,2}$/.test(t)) frag++;
    else return null;
  }
  if (cls >= 2 && frag === 0) return 'class';
  if (frag >= 2 && cls === 0) return 'fragment';
  return null;
}

/**
 * Codes split over columns without a 类/款/项 header (a 科目编码 header spanning the three columns,
 * no rules between them): a column of 3-digit class codes followed by one or two columns of
 * 2-digit fragments is read as 类 | 款 | 项, so `201 | 06 | 01` joins into 2010601.
 */
function markSplitCodes(table: Table, headerRows: number, columns: RecognizedColumn[]): void {
  for (let c = 0; c + 1 < columns.length; c++) {
    const col = columns[c];
    if (col.role !== 'code' || col.codePart !== 'full') continue;
    if (codeFragmentShape(table, headerRows, c) !== 'class') continue;
    const parts: number[] = [];
    for (let k = c + 1; k < columns.length && parts.length < 2; k++) {
      const next = columns[k];
      // 款 | 项 already named by their header (科目编码 › 款 | 项 spanning only them, 类 headed alone).
      if (next.role === 'code' && (next.codePart === 'section' || next.codePart === 'item')) {
        parts.push(k);
        continue;
      }
      if (next.role !== 'code' || next.codePart !== 'full') break;
      if (codeFragmentShape(table, headerRows, k) !== 'fragment') break;
      parts.push(k);
    }
    if (!parts.length) continue;
    const kind = col.codeKind;
    col.codePart = 'class';
    parts.forEach((k, i) => {
      const part = columns[k];
      part.role = 'code';
      part.codePart = i === 0 ? 'section' : 'item';
      part.codeKind = kind;
    });
    c += parts.length;
  }
}

/** Splits columns into panes: a new pane starts at a non-amount column that follows an amount column. */
function splitPanes(columns: RecognizedColumn[]): number[][] {
  const panes: number[][] = [];
  let current: number[] = [];
  let seenAmount = false;
  for (const col of columns) {
    const isAmount = col.role === 'amount';
    // A text column left empty in every body row (a header word the layout set beside its figures) starts no side.
    if (!isAmount && seenAmount && !col.empty && (col.role === 'label' || col.role === 'code')) {
      panes.push(current);
      current = [];
      seenAmount = false;
    }
    current.push(col.index);
    if (isAmount) seenAmount = true;
  }
  if (current.length) panes.push(current);
  return panes.filter((p) => p.some((c) => columns[c].role === 'amount'));
}

function sideOf(table: Table, headerRows: number, cols: number[], columns: RecognizedColumn[]): 'income' | 'expenditure' | null {
  const heads = cols.map((c) => columns[c].path[0] ?? '').join('|');
  if (/^收入|\|收入/.test(heads) && !/支出/.test(heads)) return 'income';
  if (/支出/.test(heads) && !/收入/.test(heads)) return 'expenditure';
  // Header-less side: look at the row labels.
  let inc = 0;
  let exp = 0;
  for (let r = headerRows; r < table.rows.length; r++) {
    for (const c of cols) {
      const t = NORMAL(cellText(table, r, c));
      if (/收入合计|收入总计/.test(t)) inc++;
      if (/支出合计|支出总计/.test(t)) exp++;
    }
  }
  return inc > exp ? 'income' : exp > inc ? 'expenditure' : null;
}

const TOTAL_LABEL = /^(合计|总计|小计|金额合计|本年收入合计|本年支出合计|收入合计|支出合计|收入总计|支出总计|人员经费合计|公用经费合计|收支总计)$|合计$|总计$/;

function recognizeRows(table: Table, headerRows: number, columns: RecognizedColumn[], cols: number[]): RecognizedRow[] {
  const labelCols = cols.filter((c) => columns[c].role === 'label');
  const codeCols = cols.filter((c) => columns[c].role === 'code');
  const unitCols = cols.filter((c) => columns[c].role === 'unitCode');
  const amountCols = cols.filter((c) => columns[c].role === 'amount');
  // Split codes: the first 类 | 款 | 项 group of the pane (a second group, 政府经济分类 beside 部门经济分类, is not the row's code).
  const firstClass = codeCols.find((c) => columns[c].codePart === 'class');
  const split: number[] = [];
  if (firstClass !== undefined) {
    split.push(firstClass);
    for (let c = firstClass + 1; cols.includes(c) && (columns[c].codePart === 'section' || columns[c].codePart === 'item'); c++) split.push(c);
  } else split.push(...codeCols.filter((c) => columns[c].codePart === 'section' || columns[c].codePart === 'item'));
  const full = codeCols.filter((c) => columns[c].codePart === 'full');
  const rows: RecognizedRow[] = [];
  let carryClass = '';
  let carrySection = '';
  let firstBody = true;
  let groupCode: string | null = null;
  // A label column holding bare 5- or 7-digit subject codes holds the rows' codes (a code column the
  // header does not name); a bare 3-digit number alone may be a unit's code (707), not a class.
  const labelCodeCols = labelCols.filter((c) => {
    for (let r = headerRows; r < table.rows.length; r++) {
      const t = NORMAL(cellText(table, r, c));
      if (/^(\d{5}|\d{7})$/.test(t) && parseSubjectCode(t)) return true;
    }
    return false;
  });
  for (let r = headerRows; r < table.rows.length; r++) {
    // Label text: the label columns, plus code columns holding words (合计 spanning 编码 and 名称).
    const labelParts = cols
      .filter((c) => columns[c].role === 'label' || (columns[c].role === 'code' && columns[c].codePart === 'full'))
      .map((c) => NORMAL(cellText(table, r, c)))
      .filter((t) => t && !/^\d+$/.test(t) && t !== '-');
    // A label spanning in from the pane before (支出合计 printed once over 功能分类 and 支出用途).
    const spannedIn = labelParts.length === 0 ? spanningLabel(table, r, cols) : '';
    if (spannedIn) labelParts.push(spannedIn);
    let label = labelParts.join(' ');
    let code: SubjectCode | null = null;
    if (split.length) {
      const part = (p: string) => {
        const c = split.find((cc) => columns[cc].codePart === p);
        return c === undefined ? '' : NORMAL(cellText(table, r, c));
      };
      let cls = part('class');
      let sec = part('section');
      const item = part('item');
      if (cls) {
        // 类 printed on every row, 款 only on the first row of its group: 201 | | 02 under 201 | 06 | 01.
        if (!sec && item && cls === carryClass) sec = carrySection;
        carryClass = cls;
        carrySection = sec;
      } else if (sec || item) {
        cls = carryClass;
        if (!sec && item) sec = carrySection;
        else carrySection = sec;
      }
      if (cls) code = joinCodeParts(cls, sec, item, firstClass !== undefined ? columns[firstClass].codeKind : undefined);
    }
    if (!code) {
      for (const c of full) {
        const t = NORMAL(cellText(table, r, c));
        const parsed = parseSubjectCode(t, columns[c].codeKind);
        if (parsed) {
          code = parsed;
          break;
        }
      }
    }
    if (!code) {
      for (const c of labelCodeCols) {
        const parsed = parseSubjectCode(NORMAL(cellText(table, r, c)));
        if (parsed) {
          code = parsed;
          break;
        }
      }
    }
    if (!code && label) {
      const lead = leadingCode(label);
      if (lead && lead.rest) {
        code = lead.code;
        label = lead.rest;
      } else if (lead && !lead.rest && labelParts.length === 1 && codeCols.length === 0 && labelCols.length > 1) {
        code = lead.code;
      }
    }
    // A unit code (707, 707001) marks a unit's subtotal row. Codes of one table share their length
    // or nest (187 → 187001); a 3-digit piece of a wrapped 21-digit project code is not one.
    const unitCode =
      [...unitCols, ...labelCols].map((c) => NORMAL(cellText(table, r, c))).find((t) => /^\d{3,9}$/.test(t)) ?? null;
    const hasUnitCode = unitCode !== null && (groupCode === null || unitCode.length === groupCode.length || unitCode.startsWith(groupCode));
    if (hasUnitCode && groupCode === null) groupCode = unitCode;
    const values = amountCols.map((c) => cellValue(table, r, c));
    const hasNumber = values.some((v) => v.kind === 'number');
    const numbering = parseNumbering(label);
    let kind: RowKind = 'data';
    const plain = label.replace(/^[\s]+/, '');
    const labelNoNum = numbering ? plain.slice(numbering.length) : plain;
    if (!plain && !code && !hasNumber && values.every((v) => v.kind === 'blank')) kind = 'blank';
    // The row's label spans over this pane's amount columns into the next pane, where its figure
    // stands: the figure is not this pane's to read (it reads as blank here), so the row carries nothing.
    else if (amountCols.length && amountCols.every((c) => coveredByLabel(table, r, c, cols))) kind = 'blank';
    else if (!code && TOTAL_LABEL.test(labelNoNum.replace(/\s+/g, ''))) kind = 'total';
    else if (/^其中/.test(labelNoNum)) kind = 'ofWhich';
    else if (!code && !plain && hasNumber && firstBody && (labelCols.length > 0 || codeCols.length > 0)) kind = 'total';
    else if (!code && hasUnitCode) kind = 'group';
    if (kind !== 'blank') firstBody = false;
    rows.push({ row: r, label: plain, code, numbering, kind });
  }
  return joinFigureLines(table, rows, amountCols);
}

/**
 * A total whose figures stand on their own line, just below or above its label line (合计 vertically
 * centred against figures the layout set on another line): the total is read at the figure line,
 * which then is no row of its own.
 */
function joinFigureLines(table: Table, rows: RecognizedRow[], amountCols: number[]): RecognizedRow[] {
  if (!amountCols.length) return rows;
  const figures = (r: RecognizedRow) => amountCols.some((c) => cellValue(table, r.row, c).kind === 'number');
  const bare = (r: RecognizedRow) => !r.label && !r.code && figures(r);
  const drop = new Set<RecognizedRow>();
  rows.forEach((r, i) => {
    if (r.kind !== 'total' || !r.label || figures(r)) return;
    const below = rows[i + 1];
    const above = rows[i - 1];
    const line = below && !drop.has(below) && bare(below) ? below : above && !drop.has(above) && bare(above) ? above : null;
    if (!line) return;
    r.row = line.row;
    drop.add(line);
  });
  return drop.size ? rows.filter((r) => !drop.has(r)) : rows;
}

/**
 * A list of function subjects printed by name only (no codes, nesting shown by indentation the
 * text does not keep): 交通运输支出 › 公路水路运输 › 行政运行 …. Its 类 rows are known by their
 * names; they get their class code so the list's total adds up the classes, not every level at once.
 * Only when the list has rows other than classes (a list of classes alone reads as it stands).
 */
function codeClassesByName(pane: Pane): void {
  // A numbered list (一、一般公共服务支出 …) shows its levels by its numbering already.
  if (pane.side === 'income' || pane.rows.some((r) => r.code || r.numbering)) return;
  const data = pane.rows.filter((r) => r.kind === 'data');
  const classes = data.map((r) => functionClassByName(r.label));
  const named = classes.filter(Boolean).length;
  if (named < 2 || named === data.length) return;
  // Rows before the first class are not function subjects (一、基本支出 …): not such a list.
  const first = classes.findIndex(Boolean);
  if (first !== 0) return;
  data.forEach((r, i) => {
    const code = classes[i];
    if (code) {
      r.code = { kind: 'function', code, level: 1 };
      r.codeFromName = true;
    }
  });
}

/** The text of a cell spanning into this pane's first label position from a column before the pane. */
function spanningLabel(table: Table, r: number, cols: number[]): string {
  const first = cols[0];
  if (first === undefined || table.rows[r]?.[first]) return '';
  const owner = ownerCell(table, r, first);
  if (!owner) return '';
  const at = table.rows[r].indexOf(owner);
  return at >= 0 && at < first ? NORMAL(owner.text) : '';
}

/** True when (r, c) is covered by a text cell of the same row that starts in this pane and runs on into the next. */
function coveredByLabel(table: Table, r: number, c: number, cols: number[]): boolean {
  if (table.rows[r]?.[c]) return false;
  const owner = ownerCell(table, r, c);
  if (!owner) return false;
  const at = table.rows[r].indexOf(owner);
  const last = cols[cols.length - 1];
  return at >= 0 && cols.includes(at) && at + owner.colSpan - 1 > last && parseValue(NORMAL(owner.text)).kind === 'text';
}

/** Aggregate columns and their parts, from header paths: siblings under the same parent, same measure suffix. */
function findAggregates(table: Table, headerRows: number, columns: RecognizedColumn[], paneCols: number[]): ColumnAggregate[] {
  const amount = paneCols.filter((c) => columns[c].role === 'amount');
  const out: ColumnAggregate[] = [];
  for (const c of amount) {
    const path = columns[c].path;
    let k = -1;
    for (let i = path.length - 1; i >= 0; i--) if (AGGREGATE.test(path[i]) && !/其中/.test(path[i])) {
      k = i;
      break;
    }
    // A total column blank in every row states no identity (a blank total leaves its sum unchecked).
    if (k < 0 || columns[c].empty) continue;
    const prefix = path.slice(0, k);
    const suffix = path.slice(k + 1);
    const matches = (p: string[]) =>
      p.length > k + suffix.length &&
      prefix.every((x, i) => p[i] === x) &&
      suffix.every((x, i) => p[p.length - suffix.length + i] === x);
    // Several totals at one level (合计 A B | 合计 A B, 预算数 then 决算数 when their own header is
    // not read): each total stands for its own run of columns — after it when the pane opens with a
    // total, else before it.
    const peers = amount.filter((o) => columns[o].path.length === path.length && matches(columns[o].path) && columns[o].path[k] === path[k]);
    // (Only whole halves: a subtotal whose header recurs lower down cannot be placed in its half.)
    if (peers.length > 1 && k > 0) continue;
    const leads = peers.length > 1 && peers[0] === amount[0];
    const inGroup = (o: number) => {
      if (peers.length < 2) return true;
      const [lo, hi] = leads ? [c, o] : [o, c];
      return lo < hi && !peers.some((t) => t > lo && t < hi);
    };
    const children = new Map<string, number[]>();
    for (const o of amount) {
      if (o === c || !inGroup(o)) continue;
      const p = columns[o].path;
      if (!matches(p) || p.length < k + 1 + suffix.length) continue;
      const child = p[k];
      if (child === undefined || /^其中/.test(child)) continue;
      if (AGGREGATE.test(child) && p.length === path.length) continue; // a second total at the same level
      if (!children.has(child)) children.set(child, []);
      children.get(child)!.push(o);
    }
    const parts: number[] = [];
    for (const [, group] of children) {
      if (group.length === 1) {
        parts.push(group[0]);
        continue;
      }
      const sub = group.find((o) => AGGREGATE.test(columns[o].path[k + 1] ?? '') && !/其中/.test(columns[o].path[k + 1] ?? ''));
      if (sub !== undefined) parts.push(sub);
      else parts.push(...group.filter((o) => !columns[o].path.slice(k + 1).some((x) => /^其中/.test(x))));
    }
    // Two parts whose headers read alike (a header cell spread over two columns) cannot be told
    // apart: which of them the total holds is a guess, so the header states no identity.
    // So can two whose paths end alike, one under an extra level the other lacks (预算数›车›小计费 |
    // 车›小计费: a wrapped 小计 and 购置费 read as one cell under a header that reached one of them).
    const named = parts.map((o) => columns[o].path.join('›'));
    if (new Set(named).size < named.length || parts.some((a, i) => parts.some((b, j) => j !== i && endsWithPath(columns[a].path, columns[b].path)))) continue;
    // A total with a single part is still an identity (合计 = 基本支出 when 项目支出 is absent).
    if (parts.length >= 1) out.push({ total: c, parts });
  }
  return renestNamedSubtotals(table, headerRows, columns, out);
}

/** `long` ends with every level of the shorter `short` (and is longer). */
function endsWithPath(long: string[], short: string[]): boolean {
  return short.length > 0 && long.length > short.length && short.every((x, i) => long[long.length - short.length + i] === x);
}

const NAMED_SUBTOTAL = /^(.+?)(小计|合计)$/;

/** Rows of the body where `total` = Σ `parts` holds (up to the rounding of the printed figures), and rows with figures. */
function holdCount(table: Table, headerRows: number, total: number, parts: number[]): { held: number; rows: number } {
  let held = 0;
  let rows = 0;
  for (let r = headerRows; r < table.rows.length; r++) {
    const t = cellValue(table, r, total);
    const ps = parts.map((c) => cellValue(table, r, c));
    if (t.kind !== 'number' || ps.some((v) => v.kind !== 'number' && v.kind !== 'blank' && v.kind !== 'dash')) continue;
    rows++;
    const sum = ps.reduce((acc, v) => acc.plus(v.value ?? 0), new Decimal(0));
    const d = Math.max(t.decimals, ...ps.map((v) => v.decimals));
    const tolerance = new Decimal(5).times(new Decimal(10).pow(-(d + 1))).times(parts.length + 1);
    if (sum.minus(t.value!).abs().lte(tolerance)) held++;
  }
  return { held, rows };
}

/**
 * A subtotal named for what it totals, printed as a flat sibling (本年支出 › 合计 | 基本支出小计 |
 * 人员经费 | 公用经费 | 项目支出): it adds up the columns right after it, up to the first sibling that
 * is not its part — 项目支出 is 基本支出's peer, not its part —, and the total above it is then
 * 小计 + the others. Where the names do not tell (一般公共预算小计 …), the cut is the one the
 * printed figures bear out, taken only when it holds on more rows than the flat reading.
 */
function renestNamedSubtotals(table: Table, headerRows: number, columns: RecognizedColumn[], aggregates: ColumnAggregate[]): ColumnAggregate[] {
  for (const agg of aggregates) {
    const path = columns[agg.total].path;
    const m = NAMED_SUBTOTAL.exec(path[path.length - 1] ?? '');
    if (!m || agg.parts.length < 2) continue;
    // Flat siblings right after the subtotal, in column order.
    const parts = [...agg.parts].sort((a, b) => a - b);
    if (parts[0] < agg.total || parts.some((c) => columns[c].path.length !== path.length)) continue;
    let cut = parts.length;
    const named = measureOf([m[1]]);
    if (named === 'basic') {
      const stop = parts.findIndex((c) => { const ms = columns[c].measure; return ms !== undefined && ms !== 'personnel' && ms !== 'public'; });
      if (stop > 0) cut = stop;
    } else {
      const flat = holdCount(table, headerRows, agg.total, parts);
      let best = flat.held;
      for (let j = 1; j < parts.length; j++) {
        const h = holdCount(table, headerRows, agg.total, parts.slice(0, j));
        if (h.held > best) [best, cut] = [h.held, j];
      }
    }
    if (cut === parts.length) continue;
    const own = parts.slice(0, cut);
    agg.parts = own;
    // The total above: the subtotal in place of its parts.
    for (const other of aggregates) {
      if (other === agg || !own.every((c) => other.parts.includes(c))) continue;
      other.parts = [...other.parts.filter((c) => !own.includes(c)), agg.total].sort((a, b) => a - b);
    }
  }
  return aggregates;
}

export function recognizeTable(table: Table): RecognizedTable {
  if (!table.rows.length || !table.rows[0]?.length) return emptyRecognition(table);
  const headerRows = effectiveHeaderRows(table);
  const columns = classifyColumns(table, headerRows);
  const { unit, scale } = unitOf(table);
  const type = tableTypeFromTitle(table.title) ?? tableTypeFromHeaders(columns.map((c) => c.path.join('›')));
  const paneCols = splitPanes(columns);
  const panes: Pane[] = paneCols.map((cols, index) => ({
    index,
    columns: cols,
    labelCols: cols.filter((c) => columns[c].role === 'label'),
    codeCols: cols.filter((c) => columns[c].role === 'code'),
    amountCols: cols.filter((c) => columns[c].role === 'amount'),
    rows: recognizeRows(table, headerRows, columns, cols),
    side: sideOf(table, headerRows, cols, columns),
  }));
  for (const pane of panes) codeClassesByName(pane);
  const aggregates = paneCols.flatMap((cols) => findAggregates(table, headerRows, columns, cols));
  return { table, type, unit, scale, headerRows, columns, panes, aggregates };
}
