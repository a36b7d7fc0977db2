/**
 * Header rows and column header paths. The header is the run of rows above the first row that
 * holds data (a figure, a subject code, a numbered or total label), widened so that no header
 * cell spans into the body; a 栏次/行次 numbering row belongs to the header.
 */
import { parseValue } from '../values/parse';
import type { TableCell } from './types';

type Rows = (TableCell | null)[][];

/** A label that opens with its list number (三、…, （二）…, 3.…). */
export const NUMBERED_LABEL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
const TOTAL_LABEL = /^(?:本年)?(?:收入|支出|收支)?(?:合计|总计|小计)$|^(?:合\s*计|总\s*计)$/;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/** The cell covering (r, c), whether it starts there or spans into it. */
export function ownerAt(rows: Rows, r: number, c: number): TableCell | null {
  for (let rr = r; rr >= 0; rr--) {
    for (let cc = c; cc >= 0; cc--) {
      const cell = rows[rr]?.[cc];
      if (cell && rr + cell.rowSpan > r && cc + cell.colSpan > c) return cell;
    }
  }
  return null;
}

/** A 栏次/行次 numbering row: "栏次 1 2 3 …" or nothing but small integers in order. */
export function isColumnNumberRow(row: (TableCell | null)[]): boolean {
  const texts = row.filter((c): c is TableCell => !!c).map((c) => c.text.replace(/\s+/g, '')).filter(Boolean);
  if (!texts.length) return false;
  // "行次" is also a column's own header ("项目 行次 金额"): only a leading 栏次/行次 marks the row.
  if (/^(栏次|行次)$/.test(texts[0])) return true;
  const nums = texts.map((t) => (/^\d{1,2}$/.test(t) ? Number(t) : NaN));
  return nums.length >= 3 && nums.every((n, i) => n === i + 1 || (i > 0 && n === nums[i - 1] + 1));
}

function isDataRow(row: (TableCell | null)[]): boolean {
  if (isColumnNumberRow(row)) return false;
  let firstText = true;
  let underSpan = false;
  for (const [c, cell] of row.entries()) {
    if (!cell) underSpan = true;
    const t = cell?.text.replace(/\s+/g, '') ?? '';
    if (!t) continue;
    if (c < 4 && CODE.test(t)) return true;
    // A numbered or total label counts only as the row's leading text ("本年收入合计" is also a column header).
    // (A 合计 header spans two header rows, and a 小计 header sits under spanning headers;
    // a data label does neither.)
    if (firstText && !underSpan && c < 5 && cell!.rowSpan === 1 && (NUMBERED_LABEL.test(t) || TOTAL_LABEL.test(t)) && !(c > 0 && headerWordsAfter(row, c))) return true;
    firstText = false;
    const v = parseValue(t);
    if (v.kind === 'percent' || (v.kind === 'number' && (v.decimals > 0 || /,/.test(t) || v.value!.abs().gte(10)))) return true;
  }
  return false;
}

/**
 * Words that are neither figures nor labels after column c: a 总计/合计 standing after an empty first
 * column beside them is a column header (空 | 总计 | 一般公共预算 | 政府性基金), not a row's label.
 */
function headerWordsAfter(row: (TableCell | null)[], c: number): boolean {
  return row.slice(c + 1).some((cell) => {
    const t = cell?.text.replace(/\s+/g, '') ?? '';
    return /[\u4e00-\u9fff]{2,}/.test(t) && !NUMBERED_LABEL.test(t) && !TOTAL_LABEL.test(t) && parseValue(t).kind !== 'number';
  });
}

export function headerRowCount(rows: Rows): number {
  let h = rows.findIndex(isDataRow);
  // A blank template has no figures: its header ends at the first empty row.
  if (h < 0) h = rows.findIndex((row) => row.every((c) => !c || !c.text.trim()));
  if (h < 0) h = Math.min(rows.length, 1);
  // No header cell may hang into the body.
  for (let changed = true; changed; ) {
    changed = false;
    for (let r = 0; r < h; r++) {
      for (const cell of rows[r]) {
        if (cell && r + cell.rowSpan > h) {
          h = r + cell.rowSpan;
          changed = true;
        }
      }
    }
  }
  while (h < rows.length && isColumnNumberRow(rows[h])) h++;
  return Math.min(h, rows.length);
}

/** For every column, the distinct header texts from the top down (spanning headers repeat across columns). */
export function columnHeaderPaths(rows: Rows, headerRows: number): string[][] {
  const nCols = rows[0]?.length ?? 0;
  const paths: string[][] = [];
  for (let c = 0; c < nCols; c++) {
    const path: string[] = [];
    let last: TableCell | null = null;
    for (let r = 0; r < headerRows; r++) {
      if (isColumnNumberRow(rows[r])) continue;
      const cell = ownerAt(rows, r, c);
      if (!cell || cell === last) continue;
      last = cell;
      const t = cell.text.trim();
      if (t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

/** Header texts of the first `n` rows, to recognise a header repeated on the next page. */
export function headerSignature(rows: Rows, n: number): string {
  return rows
    .slice(0, n)
    .map((row) => row.map((c) => (c ? c.text.replace(/\s+/g, '') : '')).join('|'))
    .join('/');
}
